package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import cn.parkflow.support.PostgresTestServer;
import cn.parkflow.support.RandomAuthorizations;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Our PostgreSQL authorization check ({@code db/camunda/authorization-check.postgres.xml}) answers
 * as Camunda's own fragment does. Two engines share one PostgreSQL database: one parses Camunda's
 * mappings as Camunda does, the other as Parkflow does ({@link EngineMappings}). Over random worlds
 * of grants, revokes and global authorizations of users, groups and every user, on tasks, process
 * instances and process definitions (by id and by {@code *}), with revokes checked always, never and
 * as found, both are asked the same random command checks and the same authorization-checked task and
 * process-instance queries (lists and counts) for random callers, and must give the same answers.
 * Task and variable queries also go through our form of Camunda's contextual check, and the task
 * list is planned for each call ({@link TaskListPlannedPerCall}).
 */
@Tag("application")
class PostgresAuthorizationCheckTest {

    private static final List<String> KEYS = List.of("check-a", "check-b", "*");

    private static StandaloneProcessEngineConfiguration camunda;
    private static StandaloneProcessEngineConfiguration parkflow;
    private static List<String> tasks;
    private static RandomAuthorizations random;

    @BeforeAll
    static void twoEnginesOnOneDatabase() {
        String url = PostgresTestServer.shared().createDatabaseOnce("authorization_check");
        camunda = configuration("camunda-check", url);
        parkflow = configuration("parkflow-check", url);
        parkflow.setSqlSessionFactory(EngineMappings.parseInBackground("postgres", "").sqlSessionFactoryFor(parkflow));
        parkflow.getProcessEnginePlugins().add(new PostgresQueryIndexes());
        // one connection, so that what the server prepared for the engine's statements can be read on it
        parkflow.setJdbcMaxActiveConnections(1);
        ProcessEngine engine = camunda.buildProcessEngine();
        parkflow.buildProcessEngine();
        for (String key : KEYS.subList(0, 2)) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).startEvent().userTask().endEvent().done()).deploy();
            for (int i = 0; i < 2; i++) {
                engine.getRuntimeService().startProcessInstanceByKey(key, Map.of("number", i));
            }
        }
        engine.getTaskService().saveTask(engine.getTaskService().newTask());
        tasks = engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
        List<String> instances = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                .map(ProcessInstance::getId).toList();
        random = new RandomAuthorizations(new Random(17))
                .on(Resources.TASK, withEvery(tasks))
                .on(Resources.PROCESS_INSTANCE, withEvery(instances))
                .on(Resources.PROCESS_DEFINITION, KEYS);
    }

    @AfterAll
    static void close() {
        for (ProcessEngineConfigurationImpl each : List.of(parkflow, camunda)) {
            if (each != null && each.getProcessEngine() != null) {
                each.getProcessEngine().close();
            }
        }
    }

    @Test
    void shouldTakeThePlaceOfCamundasCheckOnPostgresOnlyWithItsIndex() throws Exception {
        String ours = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.parkflowFirstDecidingRank";
        assertThat(parkflow.getSqlSessionFactory().getConfiguration().getSqlFragments()).containsKey(ours);
        assertThat(camunda.getSqlSessionFactory().getConfiguration().getSqlFragments()).doesNotContainKey(ours);
        assertThat(EngineMappings.parse("h2", "").getSqlFragments()).doesNotContainKey(ours);
        String contextual = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity.contextualAuthorizationCheck";
        assertThat(parkflow.getSqlSessionFactory().getConfiguration().getSqlFragments().get(contextual).toString())
                .as("our contextual check, a boolean CASE").contains("THEN TRUE");
        assertThat(camunda.getSqlSessionFactory().getConfiguration().getSqlFragments().get(contextual).toString())
                .doesNotContain("THEN TRUE");
        try (Connection connection = parkflow.getDataSource().getConnection()) {
            assertThat(indexDefinition(connection, PostgresQueryIndexes.AUTHORIZATION_BY_RESOURCE))
                    .as("the hash index our check probes").contains("act_ru_authorization USING hash (resource_id_)");
            assertThat(indexDefinition(connection, PostgresQueryIndexes.TASKS_BY_DUE_DATE))
                    .as("the index a list by deadline reads").contains("act_ru_task USING btree (due_date_, create_time_ DESC)");
        }
    }

    @Test
    void shouldPlanACheckedTaskListForEachCallAndLetTheServerKeepThePlansOfTheRest() {
        parkflow.setAuthorizationCheckRevokes("always");
        ProcessEngine engine = parkflow.getProcessEngine();
        // the driver prepares a statement on the server at its fifth call
        for (int i = 0; i < 12; i++) {
            engine.getIdentityService().setAuthentication("user-a", List.of("group-a"));
            try {
                departmentQueue(engine).orderByDueDate().asc().listPage(0, 15);
                departmentQueue(engine).count();
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            departmentQueue(engine).orderByDueDate().asc().listPage(0, 15);
        }
        List<String> prepared = parkflow.getCommandExecutorTxRequired().execute(context -> {
            try (ResultSet statements = context.getDbSqlSession().getSqlSession().getConnection().createStatement()
                    .executeQuery("SELECT statement FROM pg_prepared_statements WHERE statement ILIKE '%from ACT_RU_TASK RES%'")) {
                List<String> sql = new ArrayList<>();
                while (statements.next()) {
                    sql.add(statements.getString(1).strip());
                }
                return sql;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        String ourCheck = "THEN TRUE";
        assertThat(prepared).as("the checked count, prepared on the server")
                .anyMatch(sql -> sql.startsWith("SELECT COUNT(*)") && sql.contains(ourCheck));
        assertThat(prepared).as("the unchecked list, prepared on the server")
                .anyMatch(sql -> sql.startsWith("select distinct") && !sql.contains("ACT_RU_AUTHORIZATION"));
        assertThat(prepared).as("the list checked in our form, never prepared")
                .noneMatch(sql -> sql.startsWith("select distinct") && sql.contains(ourCheck));
    }

    @Test
    void shouldLeaveTheTableAloneAtStartWhenTheIndexIsThere() throws Exception {
        try (Connection writer = camunda.getDataSource().getConnection()) {
            writer.setAutoCommit(false);
            // a transaction that writes grants: creating an index, even "if not exists", would wait for it
            writer.createStatement().execute("LOCK TABLE act_ru_authorization IN ROW EXCLUSIVE MODE");
            assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> new PostgresQueryIndexes().postProcessEngineBuild(parkflow.getProcessEngine()));
            writer.rollback();
        }
    }

    @Test
    void shouldAnswerEveryCheckAndQueryAsCamundasFragmentDoes() {
        int compared = 0;
        int granted = 0;
        int seen = 0;
        int seenVariables = 0;
        for (int world = 0; world < 24; world++) {
            List<String> authorizations = random.replaceAll(camunda.getAuthorizationService());
            for (String revokes : List.of("always", "never", "auto")) {
                camunda.setAuthorizationCheckRevokes(revokes);
                parkflow.setAuthorizationCheckRevokes(revokes);
                for (int i = 0; i < 6; i++) {
                    String user = random.pick(RandomAuthorizations.USERS);
                    List<String> groups = random.groups();
                    String where = user + " in " + groups + ", revokes " + revokes + ", among " + authorizations;
                    CompositePermissionCheck check = camunda.getCommandExecutorTxRequired().execute(context -> random.check(3));
                    boolean expected = isAuthorized(camunda, user, groups, check);
                    assertThat(isAuthorized(parkflow, user, groups, check))
                            .as("command check %s for %s", RandomAuthorizations.describe(check), where).isEqualTo(expected);
                    List<Object> visible = visible(camunda, user, groups);
                    assertThat(visible(parkflow, user, groups)).as("tasks, instances and variables, and their counts, for %s", where)
                            .isEqualTo(visible);
                    compared += 2;
                    granted += expected ? 1 : 0;
                    seen += ((List<?>) visible.get(0)).size();
                    seenVariables += ((List<?>) visible.get(4)).size();
                }
            }
        }
        assertThat(compared).isEqualTo(24 * 3 * 6 * 2);
        assertThat(granted).as("the random worlds grant some checks and refuse others").isBetween(compared / 20, compared * 9 / 20);
        assertThat(seen).as("the random callers see some tasks and not others")
                .isBetween(24 * 3 * 6 / 2, 24 * 3 * 6 * tasks.size() * 9 / 10);
        assertThat(seenVariables).as("the random callers see some variables and not others")
                .isBetween(1, 24 * 3 * 6 * 4 - 1);
    }

    /** What a department's officer lists in 本部门待办: the tasks of his group, assigned ones included. */
    private static TaskQuery departmentQueue(ProcessEngine engine) {
        return engine.getTaskService().createTaskQuery().taskCandidateGroup("group-a").includeAssignedTasks();
    }

    private static String indexDefinition(Connection connection, String name) throws SQLException {
        try (ResultSet index = connection.createStatement().executeQuery(
                "SELECT indexdef FROM pg_indexes WHERE indexname = '" + name + "'")) {
            return index.next() ? index.getString(1) : "";
        }
    }

    /** Camunda's manager's answer, through the statement {@code engine}'s mappings make of the check. */
    private static boolean isAuthorized(ProcessEngineConfigurationImpl engine, String user, List<String> groups,
            CompositePermissionCheck check) {
        return engine.getCommandExecutorTxRequired().execute(context -> new AuthorizationManager().isAuthorized(user, groups, check));
    }

    /** The ids and counts of the tasks, instances and variables the caller is allowed to read through {@code engine}. */
    private static List<Object> visible(ProcessEngineConfigurationImpl configuration, String user, List<String> groups) {
        ProcessEngine engine = configuration.getProcessEngine();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return List.of(
                    engine.getTaskService().createTaskQuery().orderByTaskId().asc().list().stream().map(Task::getId).toList(),
                    engine.getTaskService().createTaskQuery().count(),
                    engine.getRuntimeService().createProcessInstanceQuery().orderByProcessInstanceId().asc().list().stream()
                            .map(ProcessInstance::getId).toList(),
                    engine.getRuntimeService().createProcessInstanceQuery().count(),
                    engine.getRuntimeService().createVariableInstanceQuery().list().stream()
                            .map(VariableInstance::getId).sorted().toList(),
                    engine.getRuntimeService().createVariableInstanceQuery().count());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> withEvery(List<String> ids) {
        List<String> every = new ArrayList<>(ids);
        every.add("*");
        return every;
    }

    private static StandaloneProcessEngineConfiguration configuration(String name, String url) {
        StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl(url);
        configuration.setJdbcUsername("postgres");
        configuration.setJdbcPassword("");
        configuration.setJdbcDriver("org.postgresql.Driver");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfigurationImpl.DB_SCHEMA_UPDATE_TRUE);
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        configuration.setHistory(ProcessEngineConfigurationImpl.HISTORY_NONE);
        return configuration;
    }
}
