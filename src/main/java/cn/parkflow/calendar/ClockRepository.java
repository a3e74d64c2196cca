package cn.parkflow.calendar;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ClockRepository {

    private static final String CLOCK_COLUMNS =
            "case_number, started_at, limit_days, day_unit, paused_days, extension_days, paused_at";

    private final JdbcClient jdbc;

    ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<ClockState> find(String caseNumber) {
        return jdbc.sql("SELECT " + CLOCK_COLUMNS + " FROM statutory_clock WHERE case_number = ?")
                .param(caseNumber).query(ClockRepository::toState).optional();
    }

    /** Reads the clock and row-locks it until the transaction ends: changes to one clock queue up. */
    Optional<ClockState> lock(String caseNumber) {
        return jdbc.sql("SELECT " + CLOCK_COLUMNS + " FROM statutory_clock WHERE case_number = ? FOR UPDATE")
                .param(caseNumber).query(ClockRepository::toState).optional();
    }

    void insert(ClockState clock, String actor) {
        jdbc.sql("INSERT INTO statutory_clock (case_number, started_at, started_by, limit_days, day_unit) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(clock.caseNumber(), utc(clock.startedAt()), actor, clock.limit(), clock.unit().name())
                .update();
    }

    void save(ClockState clock) {
        jdbc.sql("UPDATE statutory_clock SET paused_days = ?, extension_days = ?, paused_at = ? WHERE case_number = ?")
                .params(clock.pausedDays(), clock.extensionDays(), utc(clock.pausedAt()), clock.caseNumber())
                .update();
    }

    /** Stops the clock once; false if it was already stopped. */
    boolean stop(String caseNumber, Instant at, String actor) {
        return jdbc.sql("UPDATE statutory_clock SET stopped_at = ?, stopped_by = ? "
                        + "WHERE case_number = ? AND stopped_at IS NULL")
                .params(utc(at), actor, caseNumber).update() == 1;
    }

    /** Removes a stopped clock with its pauses, extensions and ties, so a new one can start for the case. */
    void discard(String caseNumber) {
        for (String table : new String[] {"statutory_clock_tie", "statutory_clock_pause", "statutory_clock_extension",
                "statutory_clock"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE case_number = ?").param(caseNumber).update();
        }
    }

    Optional<Instant> stoppedAt(String caseNumber) {
        return jdbc.sql("SELECT stopped_at FROM statutory_clock WHERE case_number = ? AND stopped_at IS NOT NULL")
                .param(caseNumber).query((rs, row) -> instant(rs, 1)).optional();
    }

    void insertPause(String caseNumber, String reason, Instant at, String actor) {
        jdbc.sql("INSERT INTO statutory_clock_pause (case_number, reason, paused_at, paused_by) VALUES (?, ?, ?, ?)")
                .params(caseNumber, reason, utc(at), actor).update();
    }

    /** Closes the one open pause of the clock; returns its reason. */
    String closePause(String caseNumber, Instant at, String actor, int days) {
        String reason = jdbc.sql("SELECT reason FROM statutory_clock_pause WHERE case_number = ? AND resumed_at IS NULL")
                .param(caseNumber).query(String.class).single();
        jdbc.sql("UPDATE statutory_clock_pause SET resumed_at = ?, resumed_by = ?, paused_days = ? "
                        + "WHERE case_number = ? AND resumed_at IS NULL")
                .params(utc(at), actor, days, caseNumber).update();
        return reason;
    }

    void insertExtension(String caseNumber, int days, String reason, String approver, Instant at) {
        jdbc.sql("INSERT INTO statutory_clock_extension (case_number, days, reason, approver, extended_at) "
                        + "VALUES (?, ?, ?, ?, ?)")
                .params(caseNumber, days, reason, approver, utc(at)).update();
    }

    List<ClockView.Pause> pauses(String caseNumber) {
        return jdbc.sql("SELECT reason, paused_at, paused_by, resumed_at, resumed_by, paused_days "
                        + "FROM statutory_clock_pause WHERE case_number = ? ORDER BY paused_at, id")
                .param(caseNumber)
                .query((rs, row) -> new ClockView.Pause(rs.getString(1), instant(rs, 2), rs.getString(3),
                        instant(rs, 4), rs.getString(5), (Integer) rs.getObject(6, Integer.class)))
                .list();
    }

    List<ClockView.Extension> extensions(String caseNumber) {
        return jdbc.sql("SELECT days, reason, approver, extended_at FROM statutory_clock_extension "
                        + "WHERE case_number = ? ORDER BY extended_at, id")
                .param(caseNumber)
                .query((rs, row) -> new ClockView.Extension(rs.getInt(1), rs.getString(2), rs.getString(3),
                        instant(rs, 4)))
                .list();
    }

    /** Ties an element once; tying it again only updates how many working days early it falls due. */
    void tie(ClockTie tie) {
        int updated = jdbc.sql("UPDATE statutory_clock_tie SET working_days_before = ? "
                        + "WHERE case_number = ? AND process_instance_id = ? AND activity_id = ?")
                .params(tie.workingDaysBefore(), tie.caseNumber(), tie.processInstanceId(), tie.activityId())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO statutory_clock_tie (case_number, process_instance_id, activity_id, "
                            + "working_days_before) VALUES (?, ?, ?, ?)")
                    .params(tie.caseNumber(), tie.processInstanceId(), tie.activityId(), tie.workingDaysBefore())
                    .update();
        }
    }

    List<ClockTie> ties(String caseNumber) {
        return jdbc.sql("SELECT case_number, process_instance_id, activity_id, working_days_before "
                        + "FROM statutory_clock_tie WHERE case_number = ? ORDER BY process_instance_id, activity_id")
                .param(caseNumber)
                .query((rs, row) -> new ClockTie(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .list();
    }

    private static ClockState toState(ResultSet rs, int row) throws SQLException {
        return new ClockState(rs.getString("case_number"), instant(rs, "started_at"), rs.getInt("limit_days"),
                DayUnit.valueOf(rs.getString("day_unit")), rs.getInt("paused_days"), rs.getInt("extension_days"),
                instant(rs, "paused_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
