package cn.parkflow.approval;

import java.time.Instant;

/** One action taken on a step, as kept in {@link ActionLog}; {@code occurredAt} null means now. */
record TaskAction(String caseNumber, String processInstanceId, String taskId, String step, Kind action, String actor,
                  String targetStep, String targetUser, String reason, Instant occurredAt) {

    enum Kind {
        TRANSFERRED("转办"), DELEGATED("委派"), RESOLVED("委派办结"), CONSULTED("加签"), RETURNED("退回"),
        WITHDRAWN("撤回"), URGED("催办"), COPIED("抄送");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        /** The case audit action, e.g. {@code TASK_RETURNED}. */
        String auditAction() {
            return "TASK_" + name();
        }
    }

    static TaskAction on(OpenTask task, Kind kind, String actor, String targetStep, String targetUser, String reason) {
        return new TaskAction(task.caseNumber(), task.processInstanceId(), task.id(), task.stepName(), kind, actor,
                targetStep, targetUser, reason, null);
    }
}
