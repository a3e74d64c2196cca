package cn.parkflow.incubator;

import cn.parkflow.support.PostgresTestServer;
import org.junit.jupiter.api.Tag;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The incubator's end-to-end case on a database that started empty and got Camunda's schema the
 * way production gets it (its Liquibase changelog, engine schema-update off), then ours (Flyway).
 */
@Tag("isolated") // a JVM of its own: a database and configuration of its own
@TestPropertySource(properties = {"parkflow.engine.schema-install=liquibase",
        "camunda.bpm.database.schema-update=false"})
class IncubatorEndToEndOnLiquibaseSchemaTest extends IncubatorEndToEndTest {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestServer.shared().createDatabaseOnce("parkflow_liquibase"));
    }
}
