package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresTestServer;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/** V31 moves the case and certificate counters into the one number series table, on both databases. */
@Tag("application")
class NumberSeriesMigrationTest {

    @Test
    void shouldContinueCaseAndCertificateNumbersAfterMigrationOnH2() {
        assertNumbersContinue(new DriverManagerDataSource(
                "jdbc:h2:mem:series-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", ""));
    }

    @Test
    void shouldContinueCaseAndCertificateNumbersAfterMigrationOnPostgres() {
        String url = PostgresTestServer.shared().createDatabase("parkflow_series_" + System.nanoTime());
        assertNumbersContinue(new DriverManagerDataSource(url, "postgres", ""));
    }

    private static void assertNumbersContinue(DataSource dataSource) {
        migrate(dataSource, "30");
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO case_number_counter (case_type, case_year, last_number) VALUES ('INC', 2026, 17)").update();
        jdbc.sql("INSERT INTO incubator_certificate_counter (certificate_year, last_number) VALUES (2026, 3)").update();

        migrate(dataSource, "latest");

        DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
        NumberSeries series = new NumberSeries(jdbc, transactionManager);
        TransactionTemplate transaction = new TransactionTemplate(transactionManager);
        Integer nextCase = transaction.execute(status -> series.next("INC", 2026));
        Integer nextCertificate = transaction.execute(status -> series.next("incubator-certificate", 2026));
        assertThat(nextCase).isEqualTo(18);
        assertThat(nextCertificate).isEqualTo(4);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM information_schema.tables WHERE LOWER(table_name) "
                + "IN ('case_number_counter', 'incubator_certificate_counter')").query(Integer.class).single()).isZero();
    }

    private static void migrate(DataSource dataSource, String target) {
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").target(target).load().migrate();
    }
}
