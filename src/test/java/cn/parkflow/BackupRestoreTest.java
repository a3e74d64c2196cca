package cn.parkflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresTestServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The README's restore check, once: back up the production database, restore it on another server,
 * start the application on it, the cases are there and nothing is migrated again. The embedded
 * binaries have no pg_dump/pg_restore, so the backup is PostgreSQL's file-system-level one.
 */
@Tag("application")
@Tag("isolated") // a JVM of its own: stops this JVM's PostgreSQL for its backup and starts a second one
class BackupRestoreTest {

    private static final String DATABASE = "parkflow_backup";

    @TempDir
    Path backup;

    @Test
    void shouldStartOnARestoredBackupWithItsCases() {
        PostgresTestServer original = PostgresTestServer.shared();
        original.createDatabase(DATABASE);
        String number;
        String schema;
        try (ConfigurableApplicationContext context = ProductionProfileTest.production(original.jdbcUrl(DATABASE)).run()) {
            number = context.getBean(CaseFile.class).open(new NewCase("BAK", "备份恢复检查", null, "测试企业", "stc"),
                    CaseFile.SYSTEM).number();
            ProductionProfileTest.runFixtureCase(context, number);
            schema = original.query(DATABASE, ProductionProfileTest.SCHEMA_STATE);
        }

        original.backupTo(backup.resolve("data"));
        PostgresTestServer restored = PostgresTestServer.restoredFrom(backup.resolve("data"));

        try (ConfigurableApplicationContext context = ProductionProfileTest.production(restored.jdbcUrl(DATABASE)).run()) {
            int port = Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
            Http http = new Http(port);
            HttpRequest.Builder asAdmin = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases/"
                    + number)).header("Authorization", Http.basic("admin", ProductionProfileTest.ADMIN_PASSWORD));
            assertThat(http.send(asAdmin.GET()).body()).contains(number, "备份恢复检查");
            assertThat(context.getBean(HistoryService.class).createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey(number).finished().count()).isOne();
            assertThat(restored.query(DATABASE, ProductionProfileTest.SCHEMA_STATE)).isEqualTo(schema);
        }
    }
}
