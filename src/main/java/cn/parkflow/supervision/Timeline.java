package cn.parkflow.supervision;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The audit trail of a case in Chinese: who (the person's name), what (the kernel's actions by
 * name, a process's own by the step it names), when and with which outcome.
 */
@Component
class Timeline {

    private static final Map<String, String> ACTIONS = Map.ofEntries(
            Map.entry("OPENED", "立案"),
            Map.entry("STATUS_CHANGED", "进入办理阶段"),
            Map.entry("DEPARTMENT_ASSIGNED", "指定承办部门"),
            Map.entry("CLOSED", "办结"),
            Map.entry("TASK_COMPLETED", "办理"),
            Map.entry("ATTACHMENT_ADDED", "上传材料"),
            Map.entry("DOCUMENT_ISSUED", "出具文书"),
            Map.entry("DEADLINE_STARTED", "法定时限起算"),
            Map.entry("DEADLINE_PAUSED", "法定时限暂停"),
            Map.entry("DEADLINE_RESUMED", "法定时限恢复计时"),
            Map.entry("DEADLINE_EXTENDED", "法定时限延长"),
            Map.entry("DEADLINE_EXTENSION_REFUSED", "不同意延长法定时限"),
            Map.entry("DEADLINE_STOPPED", "法定时限停止计时"),
            Map.entry("DEADLINE_EXPIRED", "法定时限届满"));

    private final IdentityService identities;
    private final DepartmentDirectory departments;

    Timeline(IdentityService identities, DepartmentDirectory departments) {
        this.identities = identities;
        this.departments = departments;
    }

    List<Entry> of(List<CaseEvent> events) {
        Map<String, String> names = new HashMap<>();
        return events.stream().map(event -> new Entry(event.occurredAt(), event.actor(),
                names.computeIfAbsent(event.actor(), this::nameOf), what(event), event.task(), outcome(event))).toList();
    }

    /** A department assignment names the department by its Chinese name, not its code. */
    private String outcome(CaseEvent event) {
        if ("DEPARTMENT_ASSIGNED".equals(event.action()) && event.outcome() != null) {
            return departments.find(event.outcome()).map(Department::name).orElse(event.outcome());
        }
        return event.outcome();
    }

    private static String what(CaseEvent event) {
        String known = ACTIONS.get(event.action());
        if (known != null) {
            return event.task() == null || "办理".equals(known) ? known + (event.task() == null ? "" : "：" + event.task())
                    : known;
        }
        return event.task() != null ? event.task() : "流程记录";
    }

    private String nameOf(String actor) {
        if (CaseFile.SYSTEM.equals(actor)) {
            return "系统";
        }
        User user = identities.createUserQuery().userId(actor).singleResult();
        if (user == null) {
            return actor;
        }
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? actor : name;
    }

    /** @param what the action in Chinese, e.g. 办理：形式审查 */
    record Entry(Instant at, String actor, String actorName, String what, String step, String outcome) {
    }
}
