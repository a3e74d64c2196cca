package cn.parkflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.PostgresTestServer;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/** The `prod` profile as the README describes it, on PostgreSQL. */
class ProductionProfileTest {

    private static final List<String> CAMUNDA_SCHEMA = List.of("engine", "history", "identity", "case.engine",
            "case.history", "decision.engine", "decision.history");

    @Test
    void shouldStartOnAPreparedSchemaWithoutDemoUsersAndWithOurMigrations() throws Exception {
        String url = PostgresTestServer.shared().createDatabase("parkflow_prod");
        try (Connection connection = DriverManager.getConnection(url, "postgres", "")) {
            for (String part : CAMUNDA_SCHEMA) {
                ScriptUtils.executeSqlScript(connection, new ClassPathResource(
                        "org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
            }
        }

        try (ConfigurableApplicationContext context = production(url).run()) {
            IdentityService identity = context.getBean(IdentityService.class);
            assertThat(identity.checkPassword("admin", "Prod-Admin-Passw0rd")).isTrue();
            assertThat(identity.createUserQuery().userId("stc-officer").count()).isZero();
            assertThat(identity.createGroupQuery().groupId("ip-station").count()).isOne();
            assertThat(context.getBean(JdbcClient.class).sql("SELECT count(*) FROM case_record")
                    .query(Integer.class).single()).isZero();
        }
    }

    @Test
    void shouldRefuseToCreateTheEngineSchemaSilently() {
        String url = PostgresTestServer.shared().createDatabase("parkflow_empty");

        assertThatThrownBy(() -> production(url).run().close()).hasStackTraceContaining("ENGINE-03057");
        assertThat(PostgresTestServer.shared().query("parkflow_empty",
                "SELECT count(*) FROM information_schema.tables WHERE table_name LIKE 'act_%'")).isEqualTo("0");
    }

    private static SpringApplicationBuilder production(String url) {
        return new SpringApplicationBuilder(ParkflowApplication.class).profiles("prod").properties(
                "spring.datasource.url=" + url,
                "spring.datasource.username=postgres",
                "spring.datasource.password=",
                "server.port=0",
                "spring.mail.host=127.0.0.1",
                "PARKFLOW_ADMIN_PASSWORD=Prod-Admin-Passw0rd");
    }
}
