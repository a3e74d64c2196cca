package cn.parkflow.supervision;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Bulk actions on tasks of the caller's department queue (Tasklist plugin): claim, assign to a
 * colleague of the department, complete with the same decision where the step declares itself
 * bulk-completable. Each task is done in its own transaction, so one failing leaves the others
 * done; the kit's form rules run on each completion as on any other; each outcome, success or
 * refusal, is written to the case's audit trail.
 */
@Component
class BulkTasks {

    enum Action { CLAIM, ASSIGN, COMPLETE }

    private static final Map<Action, String> LABELS = Map.of(Action.CLAIM, "批量签收", Action.ASSIGN, "批量转办",
            Action.COMPLETE, "批量办理");

    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final CaseFile caseFile;
    private final BulkCompletable completable;
    private final TransactionTemplate transactions;
    private final ProcessEngine engine;

    BulkTasks(TaskService tasks, JdbcClient jdbc, CaseFile caseFile,
              BulkCompletable completable, TransactionTemplate transactions, ProcessEngine engine) {
        this.engine = engine;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.caseFile = caseFile;
        this.completable = completable;
        this.transactions = transactions;
    }

    /** The open tasks of the caller's departments, with whether each may be completed in bulk. */
    List<QueueTask> queue(CurrentUser user) {
        // claimed tasks stay in the queue (the engine's candidate query leaves them out by default):
        // an officer claims several, then completes them
        return user.groups().stream().flatMap(group -> tasks.createTaskQuery().taskCandidateGroup(group)
                        .includeAssignedTasks().orderByDueDate().asc().list().stream())
                .distinct().map(task -> new QueueTask(task.getId(), caseNumber(task).orElse(null), task.getName(),
                        task.getAssignee(), task.getDueDate() == null ? null : task.getDueDate().toInstant(),
                        completable.test(task.getProcessDefinitionId(), task.getTaskDefinitionKey()),
                        completable.decision(task.getProcessDefinitionId(), task.getTaskDefinitionKey())))
                .toList();
    }

    Result apply(Action action, String taskId, CurrentUser user, String assignee, Map<String, Object> variables) {
        // read without the caller's engine authorization: whose queue a task is in decides, not what they may read
        Optional<OpenTask> found = jdbc.sql("""
                SELECT t.ID_, t.NAME_, t.ASSIGNEE_, t.PROC_DEF_ID_, t.TASK_DEF_KEY_, p.BUSINESS_KEY_
                FROM ACT_RU_TASK t LEFT JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_ WHERE t.ID_ = ?""")
                .param(taskId).query((rs, n) -> new OpenTask(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getString(6))).optional();
        if (found.isEmpty()) {
            return new Result(taskId, null, null, false, "任务不存在或已办结");
        }
        OpenTask task = found.get();
        String number = task.caseNumber();
        Optional<String> department = jdbc.sql("""
                SELECT GROUP_ID_ FROM ACT_RU_IDENTITYLINK WHERE TASK_ID_ = ? AND TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL""")
                .param(taskId).query(String.class).list().stream().filter(user::belongsTo).findFirst();
        String refusal = department.isEmpty() ? "不是本部门的待办任务"
                : action == Action.ASSIGN && !colleague(assignee, department.get()) ? "转办对象不是本部门工作人员"
                : action == Action.COMPLETE && !completable.test(task.definitionId(), task.stepKey()) ? "该环节不允许批量办理"
                : action != Action.ASSIGN && task.assignee() != null && !task.assignee().equals(user.id())
                        ? "该任务已由 " + task.assignee() + " 签收"
                : null;
        if (refusal == null) {
            try {
                transactions.executeWithoutResult(status -> act(action, task, user, assignee, variables));
            } catch (AuthorizationException e) {
                refusal = "无权办理该任务";
            } catch (ProcessEngineException e) {
                refusal = reason(e);
            }
        }
        boolean ok = refusal == null;
        String outcome = ok ? switch (action) {
            case CLAIM -> "签收成功";
            case ASSIGN -> "转办给 " + assignee;
            case COMPLETE -> "办理成功";
        } : "未成功：" + refusal;
        if (number != null && caseFile.exists(number)) {
            caseFile.record(number, user.id(), "BULK_" + action.name(), task.name(), LABELS.get(action) + "：" + outcome);
        }
        return new Result(taskId, number, task.name(), ok, ok ? outcome : refusal);
    }

    /** The kit's own sentence (e.g. a form rule's), not the engine's wrapper around the listener that threw it. */
    private static String reason(ProcessEngineException e) {
        String message = e.getMessage() == null ? "办理未成功" : e.getMessage();
        int inner = message.indexOf("Message: '");
        return inner >= 0 && message.endsWith("'") ? message.substring(inner + 10, message.length() - 1) : message;
    }

    private record OpenTask(String id, String name, String assignee, String definitionId, String stepKey,
                            String caseNumber) {
    }

    private void act(Action action, OpenTask task, CurrentUser user, String assignee, Map<String, Object> variables) {
        switch (action) {
            case CLAIM -> {
                if (task.assignee() == null) {
                    tasks.claim(task.id(), user.id());
                }
            }
            case ASSIGN -> handOver(task.id(), assignee);
            case COMPLETE -> {
                if (task.assignee() == null) {
                    tasks.claim(task.id(), user.id());
                }
                tasks.complete(task.id(), variables);
            }
        }
    }

    /**
     * Assigning to someone else is a hand-over the security module's caller policy refuses to a
     * caller's own engine command; the colleague check before it is what permits this one, so it
     * runs inside an outer command of ours (the policy looks at outer commands only).
     */
    private void handOver(String taskId, String assignee) {
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getCommandExecutorTxRequired()
                .execute(context -> {
                    tasks.setAssignee(taskId, assignee);
                    return null;
                });
    }

    private boolean colleague(String assignee, String department) {
        return assignee != null && colleagues(Set.of(department)).stream().anyMatch(c -> c.id().equals(assignee));
    }

    /**
     * The members of the departments, read from the identity tables directly: an officer may not
     * read users through the engine's authorization, but may hand a task to a colleague.
     */
    List<Colleague> colleagues(Set<String> departments) {
        if (departments.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT DISTINCT u.ID_, u.FIRST_, u.LAST_ FROM ACT_ID_USER u JOIN ACT_ID_MEMBERSHIP m ON m.USER_ID_ = u.ID_
                WHERE m.GROUP_ID_ IN (:groups) ORDER BY u.ID_""").param("groups", departments)
                .query((rs, n) -> new Colleague(rs.getString(1), ((rs.getString(2) == null ? "" : rs.getString(2)) + " "
                        + (rs.getString(3) == null ? "" : rs.getString(3))).trim())).list();
    }

    record Colleague(String id, String name) {
    }

    /** Read without the caller's engine authorization, which does not let an officer read process instances. */
    private Optional<String> caseNumber(Task task) {
        if (task.getProcessInstanceId() == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT BUSINESS_KEY_ FROM ACT_RU_EXECUTION WHERE ID_ = ?").param(task.getProcessInstanceId())
                .query(String.class).optional();
    }

    /** @param decision the fields of the decision taken once for all selected tasks of a bulk-completable step */
    record QueueTask(String taskId, String caseNumber, String step, String assignee, java.time.Instant due,
                     boolean bulkCompletable, List<BulkCompletable.DecisionField> decision) {
    }

    /** @param message what happened, in Chinese; on failure the reason */
    record Result(String taskId, String caseNumber, String step, boolean ok, String message) {
    }
}
