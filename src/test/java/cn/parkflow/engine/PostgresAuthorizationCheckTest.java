package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
 */
@Tag("application")
class PostgresAuthorizationCheckTest {

    private static final List<String> USERS = List.of("officer", "colleague");
    private static final List<String> GROUPS = List.of("stc", "econ", "experts");
    private static final List<String> KEYS = List.of("check-a", "check-b", "*");
    private static final Random random = new Random(17);

    private static StandaloneProcessEngineConfiguration camunda;
    private static StandaloneProcessEngineConfiguration parkflow;
    private static List<String> tasks;
    private static List<String> instances;

    @BeforeAll
    static void twoEnginesOnOneDatabase() {
        String url = PostgresTestServer.shared().createDatabaseOnce("authorization_check");
        camunda = configuration("camunda-check", url);
        parkflow = configuration("parkflow-check", url);
        parkflow.setSqlSessionFactory(EngineMappings.parseInBackground("postgres", "").sqlSessionFactoryFor(parkflow));
        parkflow.getProcessEnginePlugins().add(new AuthorizationCheckIndex());
        ProcessEngine engine = camunda.buildProcessEngine();
        parkflow.buildProcessEngine();
        for (String key : KEYS.subList(0, 2)) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).startEvent().userTask().endEvent().done()).deploy();
            for (int i = 0; i < 2; i++) {
                engine.getRuntimeService().startProcessInstanceByKey(key);
            }
        }
        engine.getTaskService().saveTask(engine.getTaskService().newTask());
        tasks = engine.getTaskService().createTaskQuery().list().stream().map(Task::getId).toList();
        instances = engine.getRuntimeService().createProcessInstanceQuery().list().stream()
                .map(ProcessInstance::getId).toList();
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
        try (Connection connection = parkflow.getDataSource().getConnection();
                ResultSet index = connection.createStatement().executeQuery(
                        "SELECT indexdef FROM pg_indexes WHERE indexname = '" + AuthorizationCheckIndex.NAME + "'")) {
            assertThat(index.next()).as("the hash index our check probes").isTrue();
            assertThat(index.getString(1)).contains("act_ru_authorization USING hash (resource_id_)");
        }
    }

    @Test
    void shouldAnswerEveryCheckAndQueryAsCamundasFragmentDoes() {
        int compared = 0;
        int granted = 0;
        int seen = 0;
        for (int world = 0; world < 24; world++) {
            List<String> authorizations = randomWorld(4 + random.nextInt(20));
            for (String revokes : List.of("always", "never", "auto")) {
                camunda.setAuthorizationCheckRevokes(revokes);
                parkflow.setAuthorizationCheckRevokes(revokes);
                for (int i = 0; i < 6; i++) {
                    String user = USERS.get(random.nextInt(USERS.size()));
                    List<String> groups = GROUPS.stream().filter(group -> random.nextBoolean()).toList();
                    String where = user + " in " + groups + ", revokes " + revokes + ", among " + authorizations;
                    CompositePermissionCheck check = camunda.getCommandExecutorTxRequired().execute(context -> randomCheck());
                    boolean expected = answer(camunda, engine -> new AuthorizationManager().isAuthorized(user, groups, check));
                    assertThat(answer(parkflow, engine -> new AuthorizationManager().isAuthorized(user, groups, check)))
                            .as("command check %s for %s", describe(check), where).isEqualTo(expected);
                    List<Object> visible = visible(camunda, user, groups);
                    assertThat(visible(parkflow, user, groups)).as("tasks and instances, and their counts, for %s", where)
                            .isEqualTo(visible);
                    compared += 2;
                    granted += expected ? 1 : 0;
                    seen += ((List<?>) visible.get(0)).size();
                }
            }
        }
        assertThat(compared).isEqualTo(24 * 3 * 6 * 2);
        assertThat(granted).as("the random worlds grant some checks and refuse others").isBetween(compared / 20, compared * 9 / 20);
        assertThat(seen).as("the random callers see some tasks and not others")
                .isBetween(24 * 3 * 6 / 2, 24 * 3 * 6 * tasks.size() * 9 / 10);
    }

    private static boolean answer(ProcessEngineConfigurationImpl engine, Function<Object, Boolean> check) {
        return engine.getCommandExecutorTxRequired().execute(context -> check.apply(context));
    }

    /** The task ids, the instance ids and both counts the caller is allowed to read through {@code engine}. */
    private static List<Object> visible(ProcessEngineConfigurationImpl configuration, String user, List<String> groups) {
        ProcessEngine engine = configuration.getProcessEngine();
        engine.getIdentityService().setAuthentication(user, groups);
        try {
            return List.of(
                    engine.getTaskService().createTaskQuery().orderByTaskId().asc().list().stream().map(Task::getId).toList(),
                    engine.getTaskService().createTaskQuery().count(),
                    engine.getRuntimeService().createProcessInstanceQuery().orderByProcessInstanceId().asc().list().stream()
                            .map(ProcessInstance::getId).toList(),
                    engine.getRuntimeService().createProcessInstanceQuery().count());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    private static List<String> randomWorld(int count) {
        AuthorizationService authorizations = camunda.getAuthorizationService();
        authorizations.createAuthorizationQuery().list().forEach(old -> authorizations.deleteAuthorization(old.getId()));
        Set<String> taken = new HashSet<>();
        List<String> described = new ArrayList<>();
        while (described.size() < count) {
            int type = random.nextInt(3);
            Resource resource = pick(List.of(Resources.TASK, Resources.PROCESS_INSTANCE, Resources.PROCESS_DEFINITION));
            String resourceId = pick(resourceIds(resource));
            String user = type == Authorization.AUTH_TYPE_GLOBAL ? "*" : random.nextBoolean() ? pick(USERS) : null;
            String group = type != Authorization.AUTH_TYPE_GLOBAL && user == null ? pick(GROUPS) : null;
            if (!taken.add(type + "|" + user + "|" + group + "|" + resource.resourceType() + "|" + resourceId)) {
                continue;
            }
            Authorization authorization = authorizations.createNewAuthorization(type);
            authorization.setUserId(user);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions(resource)) {
                if (random.nextInt(3) == 0) {
                    if (type == Authorization.AUTH_TYPE_REVOKE) {
                        authorization.removePermission(permission);
                    } else {
                        authorization.addPermission(permission);
                    }
                }
            }
            authorizations.saveAuthorization(authorization);
            described.add(List.of("global", "grant", "revoke").get(type) + " " + (user != null ? user : "group " + group)
                    + " " + resource.resourceName() + ":" + resourceId + " " + Arrays.toString(authorization.getPermissions(
                    permissions(resource).toArray(Permission[]::new))));
        }
        return described;
    }

    private static CompositePermissionCheck randomCheck() {
        PermissionCheckBuilder builder = random.nextBoolean() ? new PermissionCheckBuilder().disjunctive()
                : new PermissionCheckBuilder().conjunctive();
        for (int i = 0, n = 1 + random.nextInt(3); i < n; i++) {
            Resource resource = pick(List.of(Resources.TASK, Resources.PROCESS_INSTANCE, Resources.PROCESS_DEFINITION));
            List<String> ids = new ArrayList<>(resourceIds(resource));
            ids.add(null);
            builder.atomicCheckForResourceId(resource, pick(ids), pick(permissions(resource)));
        }
        return builder.build();
    }

    private static List<String> resourceIds(Resource resource) {
        if (resource == Resources.PROCESS_DEFINITION) {
            return KEYS;
        }
        List<String> ids = new ArrayList<>(resource == Resources.TASK ? tasks : instances);
        ids.add("*");
        return ids;
    }

    private static List<Permission> permissions(Resource resource) {
        Permission[] all = resource == Resources.TASK ? TaskPermissions.values()
                : resource == Resources.PROCESS_INSTANCE ? ProcessInstancePermissions.values()
                : ProcessDefinitionPermissions.values();
        return Arrays.stream(all).filter(permission -> permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE)
                .toList();
    }

    private static String describe(CompositePermissionCheck check) {
        return (check.isDisjunctive() ? "any of " : "all of ") + check.getAtomicChecks().stream()
                .map(atomic -> atomic.getPermission().getName() + " on " + atomic.getResource().resourceName() + ":"
                        + atomic.getResourceId()).toList();
    }

    private static <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
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
