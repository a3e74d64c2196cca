package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The incubator targets as the certificate register counts them, for the key-task indicators (figure port). */
class IncubatorFiguresTest {

    private static JdbcClient jdbc;

    @BeforeAll
    static void register() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:incubator-figures;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(h2);
        jdbc.sql("INSERT INTO case_record (case_number, case_type, title, department, status, opened_at) "
                + "VALUES ('INC-2024-0001', 'INC', '认定', 'stc', 'CLOSED', CURRENT_TIMESTAMP)").update();
        certificate("闵科孵认〔2024〕1号", "HIGH_QUALITY", "2024-05-01", "2027-04-30", "VALID");   // valid all 2026
        certificate("闵科孵认〔2026〕1号", "HIGH_QUALITY", "2026-11-20", "2029-11-19", "VALID");   // valid from late 2026
        certificate("闵科孵认〔2023〕1号", "HIGH_QUALITY", "2023-01-10", "2026-01-09", "VALID");   // valid in early 2026
        certificate("闵科孵认〔2025〕1号", "HIGH_QUALITY", "2025-03-01", "2028-02-28", "REVOKED"); // revoked
        certificate("闵科孵认〔2022〕1号", "HIGH_QUALITY", "2022-01-01", "2024-12-31", "VALID");   // expired before 2026
        certificate("闵科孵认〔2026〕2号", "UPGRADE", "2026-02-01", "2029-01-31", "VALID");
        certificate("闵科孵认〔2026〕3号", "CULTIVATION", "2026-02-01", "2029-01-31", "VALID");
    }

    private static void certificate(String number, String track, String from, String until, String status) {
        jdbc.sql("INSERT INTO incubator_certificate (certificate_number, case_number, incubator_name, operator_name, "
                        + "credit_code, track, address, applicant_user, valid_from, valid_until, status) "
                        + "VALUES (?, 'INC-2024-0001', '孵化器', '运营机构', '91310112MA1GB00001', ?, '闵行', 'applicant1', ?, ?, ?)")
                .params(number, track, LocalDate.parse(from), LocalDate.parse(until), status).update();
    }

    @Test
    void shouldCountHighQualityCertificatesValidInTheYearAndUpgradesApart() {
        IncubatorFigures figures = new IncubatorFigures(jdbc);

        assertThat(figures.valueFor(IncubatorFigures.HIGH_QUALITY_INCUBATORS, 2026)).isEqualByComparingTo(BigDecimal.valueOf(3));
        assertThat(figures.valueFor(IncubatorFigures.UPGRADED_INCUBATORS, 2026)).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(figures.valueFor(IncubatorFigures.HIGH_QUALITY_INCUBATORS, 2030)).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void shouldCountByQuarterFromTheRegistersHistoryUpToToday() {
        IncubatorFigures figures = new IncubatorFigures(jdbc);

        assertThat(figures.quarterly(IncubatorFigures.HIGH_QUALITY_INCUBATORS, 2026, LocalDate.of(2027, 1, 15)))
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.valueOf(2), BigDecimal.valueOf(2), BigDecimal.valueOf(3));
        // on 2026-10-09 the certificate of 11-20 is not yet counted in the fourth quarter
        assertThat(figures.quarterly(IncubatorFigures.HIGH_QUALITY_INCUBATORS, 2026, LocalDate.of(2026, 10, 9)))
                .containsExactly(BigDecimal.valueOf(2), BigDecimal.valueOf(2), BigDecimal.valueOf(2), BigDecimal.valueOf(2));
        assertThat(figures.quarterly(IncubatorFigures.UPGRADED_INCUBATORS, 2026, LocalDate.of(2026, 5, 1)))
                .containsExactly(BigDecimal.ONE, BigDecimal.ONE, null, null);
    }
}
