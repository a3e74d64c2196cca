package cn.parkflow.approval;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.notification.Notifications;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What every action leaves behind, in the caller's transaction: its row in {@link ActionLog}, an
 * audit event on the case (the earlier completions stay in the trail) and a mail to whom it concerns.
 */
@Component
class ActionRecords {

    static final String TEMPLATE = "task-action";

    private final ActionLog log;
    private final CaseFile caseFile;
    private final Notifications notifications;

    ActionRecords(ActionLog log, CaseFile caseFile, Notifications notifications) {
        this.log = log;
        this.caseFile = caseFile;
        this.notifications = notifications;
    }

    /**
     * @param audit     the audit event's outcome, e.g. {@code 退回至「形式审查」：材料缺少…}; null when the
     *                  case file audits the action itself
     * @param mailTo    user ids or department codes, comma-separated; null for no mail
     * @param linkTask  the task the mail's link opens; null for the case
     */
    void record(TaskAction action, String audit, String mailTo, String linkTask) {
        log.record(action);
        String number = action.caseNumber();
        if (audit != null && number != null && caseFile.exists(number)) {
            caseFile.record(number, action.actor(), action.action().auditAction(), action.step(), audit);
        }
        if (mailTo == null || mailTo.isBlank()) {
            return;
        }
        Map<String, Object> model = new HashMap<>();
        model.put(Notifications.CASE_NUMBER, number);
        model.put(Notifications.STEP, action.step());
        model.put("actionName", action.action().label);
        model.put("actorName", action.actor());
        model.put("detail", audit);
        if (action.reason() != null) {
            model.put(Notifications.REASON, action.reason());
        }
        if (linkTask != null) {
            model.put(Notifications.TASK_ID, linkTask);
        }
        notifications.enqueue(TEMPLATE, mailTo, model, "action:" + action.action() + ":" + action.processInstanceId()
                + ":" + action.taskId() + ":" + System.nanoTime());
    }
}
