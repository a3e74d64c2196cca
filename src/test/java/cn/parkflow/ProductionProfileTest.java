package cn.parkflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * The `prod` profile as the README describes it, on PostgreSQL: one command on an empty database
 * (Camunda's schema through its Liquibase changelog, then our Flyway migrations), and a database
 * whose Camunda schema was created earlier with Camunda's SQL scripts recognised, not reinstalled.
 */
@Tag("application")
@Tag("isolated") // a JVM of its own: starts applications of its own (profile prod)
class ProductionProfileTest {

    private static final Logger log = LoggerFactory.getLogger(ProductionProfileTest.class);
    private static final List<String> CAMUNDA_SCRIPTS = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");
    static final String ADMIN_PASSWORD = "Prod-Admin-Passw0rd";
    static final String SCHEMA_STATE = "SELECT (SELECT count(*) FROM databasechangelog) || '/' "
            + "|| (SELECT count(*) FROM flyway_schema_history) || '/' "
            + "|| (SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public') || '/' "
            + "|| (SELECT count(*) FROM act_ge_schema_log)";

    @Test
    void shouldInstallEverythingOnAnEmptyDatabaseRunACaseAndRestartWithoutChange() {
        String url = PostgresTestServer.shared().createDatabase("parkflow_prod_empty");

        long start = System.nanoTime();
        String afterFirstStart;
        try (ConfigurableApplicationContext context = production(url).run()) {
            log.info("Empty PostgreSQL to started application in {} ms", (System.nanoTime() - start) / 1_000_000);
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT tag FROM databasechangelog WHERE tag IS NOT NULL ORDER BY orderexecuted DESC "
                    + "LIMIT 1").query(String.class).single()).isEqualTo("7.24.0");
            assertThat(context.getBean(IdentityService.class).checkPassword("admin", ADMIN_PASSWORD)).isTrue();
            assertThat(context.getBean(IdentityService.class).createUserQuery().userId("stc-officer").count()).isZero();
            runFixtureCase(context, "PF-2026-0001");
            afterFirstStart = PostgresTestServer.shared().query("parkflow_prod_empty", SCHEMA_STATE);
        }

        try (ConfigurableApplicationContext context = production(url).run()) {
            assertThat(PostgresTestServer.shared().query("parkflow_prod_empty", SCHEMA_STATE))
                    .as("change sets / migrations / tables / schema log").isEqualTo(afterFirstStart);
            assertThat(context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("PF-2026-0001").finished().count()).isOne();
        }
    }

    @Test
    void shouldRecogniseASchemaCreatedWithCamundasScriptsInsteadOfInstallingItAgain() throws Exception {
        String url = PostgresTestServer.shared().createDatabase("parkflow_prod_scripts");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            for (String part : CAMUNDA_SCRIPTS) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                        "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }

        try (ConfigurableApplicationContext context = production(url).run()) {
            JdbcClient jdbc = context.getBean(JdbcClient.class);
            assertThat(jdbc.sql("SELECT count(*) FROM act_ge_schema_log").query(Integer.class).single())
                    .as("the scripts' one entry; a second install would add another").isOne();
            assertThat(jdbc.sql("SELECT count(DISTINCT deployment_id) || '/' || count(*) FROM databasechangelog")
                    .query(String.class).single()).as("every change set up to 7.24.0 marked in one sync").isEqualTo("1/18");
            assertThat(jdbc.sql("SELECT count(*) FROM databasechangelog WHERE id = '7.24.0-tag'")
                    .query(Integer.class).single()).isOne();
            assertThat(jdbc.sql("SELECT count(*) FROM case_record").query(Integer.class).single()).isZero();
            runFixtureCase(context, "PF-2026-0002");
        }
    }

    /** A case through the engine on the installed schema: start, a department's task, end. */
    static void runFixtureCase(ConfigurableApplicationContext context, String number) {
        RuntimeService runtime = context.getBean(RuntimeService.class);
        TaskService tasks = context.getBean(TaskService.class);
        String instance = runtime.startProcessInstanceByKey("foundation-fixture", number,
                Map.of("topic", "trademark")).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
                Map.of("opinion", "已办理"));
        assertThat(context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                .processInstanceId(instance).finished().count()).isOne();
    }

    /** The application as the README's production command starts it, on the given database. */
    static SpringApplicationBuilder production(String url) {
        return new SpringApplicationBuilder(ParkflowApplication.class).profiles("prod").properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "server.port=0",
                "spring.mail.host=127.0.0.1",
                "PARKFLOW_ADMIN_PASSWORD=" + ADMIN_PASSWORD);
    }
}
