package cn.parkflow.ipcase;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The closed cases ({@code ip_case_outcome}, V60), one row per case, written once at closure. */
@Repository
class IpCaseOutcomes {

    private final JdbcClient jdbc;

    IpCaseOutcomes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(IpCaseOutcome outcome) {
        int updated = jdbc.sql("UPDATE ip_case_outcome SET closed_on = ? WHERE case_number = ?")
                .params(outcome.closedOn(), outcome.caseNumber()).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ip_case_outcome (case_number, ip_type, channel, outcome_code, outcome_category, "
                            + "received_on, closed_on, elapsed_working_days, on_time, satisfaction) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(outcome.caseNumber(), outcome.ipType(), outcome.channel(), outcome.outcomeCode(),
                            outcome.outcomeCategory(), outcome.receivedOn(), outcome.closedOn(),
                            outcome.elapsedWorkingDays(), outcome.onTime(), outcome.satisfaction())
                    .update();
        }
    }

    /** Cases closed from {@code from} to {@code to}, both included. */
    List<IpCaseOutcome> closedBetween(LocalDate from, LocalDate to) {
        return jdbc.sql("SELECT case_number, ip_type, channel, outcome_code, outcome_category, received_on, closed_on, "
                        + "elapsed_working_days, on_time, satisfaction FROM ip_case_outcome "
                        + "WHERE closed_on BETWEEN ? AND ? ORDER BY closed_on, case_number")
                .params(from, to)
                .query((rs, row) -> new IpCaseOutcome(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class), rs.getInt(8),
                        rs.getBoolean(9), rs.getString(10)))
                .list();
    }
}
