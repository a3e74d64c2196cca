package cn.parkflow.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The actions taken on steps (table {@code approval_action}). */
@Repository
class ActionLog {

    private final JdbcClient jdbc;
    private final Clock clock;

    ActionLog(JdbcClient jdbc, Optional<Clock> clock) {
        this.jdbc = jdbc;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    void record(TaskAction action) {
        jdbc.sql("INSERT INTO approval_action (case_number, process_instance_id, task_id, step, action, actor, "
                        + "target_step, target_user, reason, occurred_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(action.caseNumber(), action.processInstanceId(), action.taskId(), action.step(),
                        action.action().name(), action.actor(), action.targetStep(), action.targetUser(),
                        action.reason(), Timestamp.from(action.occurredAt() == null ? clock.instant() : action.occurredAt()))
                .update();
    }

    /** The actions on one process instance, oldest first. */
    List<TaskAction> of(String processInstanceId) {
        return jdbc.sql("SELECT case_number, process_instance_id, task_id, step, action, actor, target_step, "
                        + "target_user, reason, occurred_at FROM approval_action WHERE process_instance_id = ? "
                        + "ORDER BY occurred_at, id")
                .param(processInstanceId)
                .query((rs, row) -> new TaskAction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        TaskAction.Kind.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getString(9), rs.getTimestamp(10).toInstant()))
                .list();
    }

    /** When the case was last urged, if ever. */
    Optional<Instant> lastUrged(String caseNumber) {
        return jdbc.sql("SELECT MAX(occurred_at) FROM approval_action WHERE case_number = ? AND action = 'URGED'")
                .param(caseNumber).query((rs, row) -> rs.getTimestamp(1)).optional()
                .map(Timestamp::toInstant);
    }
}
