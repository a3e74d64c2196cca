package cn.parkflow.incubator;

import cn.parkflow.support.PostgresTestServer;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * The incubator's end-to-end case on a database that started empty and got Camunda's schema the
 * way production gets it (its Liquibase changelog, engine schema-update off), then ours (Flyway).
 */
@TestPropertySource(properties = {"parkflow.engine.schema-install=liquibase",
        "camunda.bpm.database.schema-update=false"})
class IncubatorEndToEndOnLiquibaseSchemaTest extends IncubatorEndToEndTest {

    @DynamicPropertySource
    static void emptyDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> PostgresTestServer.shared().createDatabaseOnce("parkflow_liquibase"));
    }
}
