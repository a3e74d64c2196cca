package cn.parkflow.portal;

import cn.parkflow.casefile.CaseEvent;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * One line of a case's timeline, its time in Asia/Shanghai and the kernel's own events in Chinese
 * (a step's event carries the step's name already); a status is named by its stage label.
 */
record TimelineEntry(String at, String actor, String step, String outcome) {

    /** The kernel's audit actions; a process's own action without a name here is shown as it is. */
    static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("OPENED", "立案"),
            Map.entry("STATUS_CHANGED", "进入新阶段"),
            Map.entry("DEPARTMENT_ASSIGNED", "确定承办部门"),
            Map.entry("CLOSED", "结案"),
            Map.entry("DEADLINE_STARTED", "法定时限起算"),
            Map.entry("DEADLINE_PAUSED", "法定时限暂停"),
            Map.entry("DEADLINE_RESUMED", "法定时限恢复"),
            Map.entry("DEADLINE_EXTENDED", "法定时限延长"),
            Map.entry("DEADLINE_STOPPED", "法定时限停止"),
            Map.entry("DEADLINE_EXPIRED", "法定时限届满"),
            Map.entry("DOCUMENT_ISSUED", "出具文书"),
            Map.entry("CERTIFICATE_ISSUED", "颁发证书"));

    static TimelineEntry of(CaseEvent event, UnaryOperator<String> statusLabel) {
        String step = event.task() != null ? event.task() : ACTIONS.getOrDefault(event.action(), event.action());
        String outcome = event.outcome() == null ? ""
                : "STATUS_CHANGED".equals(event.action()) ? statusLabel.apply(event.outcome()) : event.outcome();
        return new TimelineEntry(PortalCases.format(event.occurredAt()), event.actor(), step, outcome);
    }
}
