package cn.parkflow.casefile;

import cn.parkflow.engine.TransactionBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CaseRepository {

    private static final String COLUMNS = "case_number, case_type, title, applicant_user, applicant_organisation, "
            + "department, status, opened_at, closed_at, outcome, deadline_original, deadline_paused_days, "
            + "deadline_current, deadline_provisional, deadline_expired_at";

    private final JdbcClient jdbc;
    /** The case's events (its audit), written with the step's other kernel rows before the transaction commits. */
    private final TransactionBatch appendedEvents;
    /** Involvements: a step that opens tasks for several departments writes them in one round trip. */
    private final TransactionBatch involvements;

    CaseRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.appendedEvents = new TransactionBatch(template, "INSERT INTO case_event (case_number, occurred_at, actor, action, "
                + "task, outcome) VALUES (?, ?, ?, ?, ?, ?)");
        this.involvements = new TransactionBatch(template,
                "INSERT INTO case_involvement (case_number, department, since) SELECT ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM case_involvement WHERE case_number = ? AND department = ?)");
    }

    void insert(String number, NewCase newCase, Instant openedAt, String status) {
        forget(number);
        jdbc.sql("INSERT INTO case_record (case_number, case_type, title, applicant_user, applicant_organisation, "
                        + "department, status, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(number, newCase.type(), newCase.title(), newCase.applicantUser(),
                        newCase.applicantOrganisation(), newCase.department(), status, at(openedAt))
                .update();
    }

    /**
     * The case, read once per transaction: the kernel's listeners of one step (mail, involvement,
     * audit) each look at the same case, and a step is one transaction. Every write of a case
     * through this repository forgets what was read of it.
     */
    Optional<CaseRecord> find(String number) {
        Map<String, Optional<CaseRecord>> read = TransactionReads.of(this);
        if (read == null) {
            return select(number);
        }
        Optional<CaseRecord> known = read.get(number);
        if (known == null) {
            known = select(number);
            read.put(number, known);
        }
        return known;
    }

    private Optional<CaseRecord> select(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_record WHERE case_number = ?")
                .param(number).query(CaseRepository::toRecord).optional();
    }

    private void forget(String number) {
        Map<String, Optional<CaseRecord>> read = TransactionReads.of(this);
        if (read != null) {
            read.remove(number);
        }
    }

    boolean update(String number, String setClause, Object... values) {
        forget(number);
        List<Object> params = new ArrayList<>(List.of(values));
        params.add(number);
        return jdbc.sql("UPDATE case_record SET " + setClause + " WHERE case_number = ?")
                .params(params).update() == 1;
    }

    /** Appends the event, written before the transaction commits. */
    void appendEvent(String number, CaseEvent event) {
        appendedEvents.add(number, at(event.occurredAt()), event.actor(), event.action(), event.task(), event.outcome());
    }

    List<CaseEvent> events(String number) {
        appendedEvents.flush();
        return jdbc.sql("SELECT occurred_at, actor, action, task, outcome FROM case_event "
                        + "WHERE case_number = ? ORDER BY occurred_at, id")
                .param(number)
                .query((rs, row) -> new CaseEvent(instant(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("action"), rs.getString("task"), rs.getString("outcome")))
                .list();
    }

    /** Records once that {@code department} holds or held a step of the case, written before the transaction commits. */
    void involve(String number, String department, Instant at) {
        involvements.add(number, department, at(at), number, department);
    }

    /** A copy to a recipient; false when they already had one. */
    boolean copy(String number, String recipient, String sentBy, String note, Instant at) {
        if (jdbc.sql("SELECT COUNT(*) FROM case_copy WHERE case_number = ? AND recipient = ?")
                .params(number, recipient).query(Integer.class).single() > 0) {
            return false;
        }
        jdbc.sql("INSERT INTO case_copy (case_number, recipient, sent_by, note, sent_at) VALUES (?, ?, ?, ?, ?)")
                .params(number, recipient, sentBy, note, at(at)).update();
        return true;
    }

    Set<String> copiedTo(String number) {
        return Set.copyOf(jdbc.sql("SELECT recipient FROM case_copy WHERE case_number = ?").param(number)
                .query(String.class).list());
    }

    List<CaseRecord> copiesFor(Set<String> recipients) {
        String in = String.join(", ", java.util.Collections.nCopies(recipients.size(), "?"));
        return jdbc.sql("SELECT " + COLUMNS + " FROM case_record WHERE case_number IN (SELECT case_number FROM "
                        + "case_copy WHERE recipient IN (" + in + ")) ORDER BY opened_at DESC, case_number DESC")
                .params(List.copyOf(recipients)).query(CaseRepository::toRecord).list();
    }

    Set<String> involved(String number) {
        involvements.flush();
        return Set.copyOf(jdbc.sql("SELECT department FROM case_involvement WHERE case_number = ?").param(number)
                .query(String.class).list());
    }

    List<CaseRecord> search(CaseQuery query) {
        involvements.flush();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM case_record WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        condition(sql, params, "case_type", query.type());
        condition(sql, params, "status", query.status());
        condition(sql, params, "applicant_user", query.applicantUser());
        if (query.departments() != null) {
            if (query.departments().isEmpty()) {
                return List.of();
            }
            String in = "?, ".repeat(query.departments().size() - 1) + "?";
            sql.append(" AND (department IN (").append(in).append(") OR case_number IN (SELECT case_number FROM ")
                    .append("case_involvement WHERE department IN (").append(in).append(")))");
            params.addAll(query.departments());
            params.addAll(query.departments());
        }
        sql.append(" ORDER BY opened_at DESC, case_number DESC LIMIT ? OFFSET ?");
        params.add(query.size());
        params.add(query.page() * query.size());
        return jdbc.sql(sql.toString()).params(params).query(CaseRepository::toRecord).list();
    }

    private static void condition(StringBuilder sql, List<Object> params, String column, String value) {
        if (value != null) {
            sql.append(" AND ").append(column).append(" = ?");
            params.add(value);
        }
    }

    private static CaseRecord toRecord(ResultSet rs, int row) throws SQLException {
        return new CaseRecord(rs.getString("case_number"), rs.getString("case_type"), rs.getString("title"),
                rs.getString("applicant_user"), rs.getString("applicant_organisation"), rs.getString("department"),
                rs.getString("status"), instant(rs, "opened_at"), instant(rs, "closed_at"), rs.getString("outcome"),
                new CaseRecord.Deadline(instant(rs, "deadline_original"), rs.getInt("deadline_paused_days"),
                        instant(rs, "deadline_current"), rs.getBoolean("deadline_provisional"),
                        instant(rs, "deadline_expired_at")));
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(java.time.ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
