package cn.parkflow.notification;

import cn.parkflow.engine.TransactionBatch;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Table {@code task_reminder}: the reminders of open tasks, one row per task and level. */
@Repository
class ReminderRepository {

    /** A reminder whose time has come. */
    record Due(String taskId, ReminderLevel level, Instant dueAt) {
    }

    private record Row(Instant dueAt, Instant fireAt, Instant sentAt) {
    }

    private final JdbcClient jdbc;
    /** The reminders of new tasks: a step that opens several tasks writes them in one round trip. */
    private final TransactionBatch armed;

    ReminderRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.armed = new TransactionBatch(template,
                "INSERT INTO task_reminder (task_id, reminder_level, due_at, fire_at) VALUES (?, ?, ?, ?)");
    }

    /**
     * Arms the task's reminders for its current due date, reading its reminders once. One already
     * sent stays sent, unless the due date has moved later and the new time is still to come: then
     * it reminds of the new deadline. One whose due date and firing time stay as they are is left alone.
     */
    void arm(String taskId, Instant dueAt, Map<ReminderLevel, Instant> fireAt, Instant now) {
        armed.flush();
        Map<String, Row> rows = new HashMap<>();
        jdbc.sql("SELECT reminder_level, due_at, fire_at, sent_at FROM task_reminder WHERE task_id = ?").param(taskId)
                .query(rs -> {
                    rows.put(rs.getString(1), new Row(instant(rs.getTimestamp(2)), instant(rs.getTimestamp(3)),
                            instant(rs.getTimestamp(4))));
                });
        fireAt.forEach((level, at) -> {
            Row row = rows.get(level.name());
            if (row == null) {
                jdbc.sql("INSERT INTO task_reminder (task_id, reminder_level, due_at, fire_at) VALUES (?, ?, ?, ?)")
                        .params(taskId, level.name(), Timestamp.from(dueAt), Timestamp.from(at)).update();
                return;
            }
            boolean moved = !dueAt.equals(row.dueAt()) || !at.equals(row.fireAt());
            boolean rearm = row.sentAt() != null && dueAt.isAfter(row.dueAt()) && at.isAfter(now);
            // a row whose times stay is not written: every change of the task (a variable set by the
            // reminder sender, a comment) is an update, and writing, so locking, the task's other
            // reminders there only makes it wait for the sender holding one of them
            if (row.sentAt() == null ? moved : rearm) {
                jdbc.sql("UPDATE task_reminder SET due_at = ?, fire_at = ?, sent_at = NULL WHERE task_id = ? AND reminder_level = ?")
                        .params(Timestamp.from(dueAt), Timestamp.from(at), taskId, level.name()).update();
            }
        });
    }

    /**
     * Arms the reminders of a task just created, written with those of the other tasks the same
     * transaction creates: a new task has none yet, so there is nothing to look up first (a task
     * whose due date moves later goes through {@link #arm}).
     */
    void armNew(String taskId, Instant dueAt, Map<ReminderLevel, Instant> fireAt) {
        fireAt.forEach((level, at) -> armed.add(taskId, level.name(), Timestamp.from(dueAt), Timestamp.from(at)));
    }

    /** Drops the reminders not yet sent (the task has no due date any more, e.g. its clock is paused). */
    void disarm(String taskId) {
        armed.flush();
        jdbc.sql("DELETE FROM task_reminder WHERE task_id = ? AND sent_at IS NULL").param(taskId).update();
    }

    /** Drops every reminder of a task that has ended. */
    void drop(String taskId) {
        armed.flush();
        jdbc.sql("DELETE FROM task_reminder WHERE task_id = ?").param(taskId).update();
    }

    /**
     * Drops the reminders of every task that has ended. A task's reminders are written in the
     * transaction that creates it, so none can be seen before its task.
     */
    void dropEnded() {
        armed.flush();
        jdbc.sql("DELETE FROM task_reminder WHERE NOT EXISTS (SELECT 1 FROM ACT_RU_TASK t "
                + "WHERE t.ID_ = task_reminder.task_id)").update();
    }

    List<Due> due(Instant now, int limit) {
        armed.flush();
        return jdbc.sql("SELECT task_id, reminder_level, due_at FROM task_reminder WHERE sent_at IS NULL AND fire_at <= ? "
                        + "ORDER BY fire_at FETCH FIRST " + limit + " ROWS ONLY")
                .param(Timestamp.from(now))
                .query((rs, i) -> new Due(rs.getString(1), ReminderLevel.valueOf(rs.getString(2)),
                        instant(rs.getTimestamp(3))))
                .list();
    }

    /** Marks it sent; false when another node sent it first (or it was re-armed meanwhile). */
    boolean claim(Due reminder, Instant now) {
        armed.flush();
        return jdbc.sql("UPDATE task_reminder SET sent_at = ? WHERE task_id = ? AND reminder_level = ? "
                        + "AND due_at = ? AND sent_at IS NULL")
                .params(Timestamp.from(now), reminder.taskId(), reminder.level().name(), Timestamp.from(reminder.dueAt()))
                .update() == 1;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
