package cn.parkflow.notification;

import cn.parkflow.engine.TransactionBatch;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks waiting for their department's next digest ({@code department_digest_entry}). */
@Repository
class DigestRepository {

    record Entry(long id, String department, String taskId, String caseNumber, String step, Instant dueAt) {
    }

    private final JdbcClient jdbc;
    /** The entries of new tasks: a step that opens several tasks writes them in one round trip. */
    private final TransactionBatch added;

    DigestRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.added = new TransactionBatch(template,
                "INSERT INTO department_digest_entry (department, task_id, case_number, step, due_at, created_at) "
                        + "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM department_digest_entry WHERE department = ? AND task_id = ?)");
    }

    /** Queues the task for the department's digest, once. */
    void add(String department, String taskId, String caseNumber, String step, Instant dueAt, Instant now) {
        added.add(department, taskId, caseNumber, step, at(dueAt), at(now), department, taskId);
    }

    /** Entries created before {@code before} and not yet in a digest, by department and time. */
    List<Entry> waitingBefore(Instant before) {
        added.flush();
        return jdbc.sql("SELECT id, department, task_id, case_number, step, due_at FROM department_digest_entry "
                        + "WHERE digest_key IS NULL AND created_at < ? ORDER BY department, created_at, id")
                .param(at(before)).query(DigestRepository::toEntry).list();
    }

    /** Marks the entries as carried by the digest {@code key}; false when another pass took them first. */
    boolean markSent(List<Entry> entries, String key) {
        added.flush();
        int marked = 0;
        for (Entry entry : entries) {
            marked += jdbc.sql("UPDATE department_digest_entry SET digest_key = ? WHERE id = ? AND digest_key IS NULL")
                    .params(key, entry.id()).update();
        }
        return marked > 0;
    }

    private static Entry toEntry(ResultSet rs, int row) throws SQLException {
        OffsetDateTime due = rs.getObject("due_at", OffsetDateTime.class);
        return new Entry(rs.getLong("id"), rs.getString("department"), rs.getString("task_id"),
                rs.getString("case_number"), rs.getString("step"), due == null ? null : due.toInstant());
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
