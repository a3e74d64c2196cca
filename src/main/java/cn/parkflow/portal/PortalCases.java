package cn.parkflow.portal;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.StageNames;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.security.CurrentUser;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The cases a person sees in 我的案件: an applicant their own, an officer their departments', a
 * supervisor every case; each with its open steps and the viewer's next action.
 */
@Component
class PortalCases {

    static final DateTimeFormatter SHANGHAI = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(EngineClock.ZONE);
    private static final int MOST = 200;

    private final CaseFile caseFile;
    private final CaseAccess access;
    private final TaskService taskService;
    private final DepartmentDirectory departments;
    private final StageNames stageNames;

    PortalCases(CaseFile caseFile, CaseAccess access, TaskService taskService, DepartmentDirectory departments,
                StageNames stageNames) {
        this.caseFile = caseFile;
        this.access = access;
        this.taskService = taskService;
        this.departments = departments;
        this.stageNames = stageNames;
    }

    List<CaseRow> of(CurrentUser user) {
        CaseQuery query = user.readsEverything() ? new CaseQuery(null, null, null, null, 0, MOST)
                : user.isApplicant() ? new CaseQuery(null, null, null, user.id(), 0, MOST)
                : new CaseQuery(null, null, user.groups(), null, 0, MOST);
        return caseFile.search(query).stream().map(record -> row(record, user)).toList();
    }

    /** The case, if the viewer may read it (403 otherwise, 404 when there is none). */
    CaseRow one(String number, CurrentUser user) {
        return row(access.requireReadable(number, user), user);
    }

    private CaseRow row(CaseRecord record, CurrentUser user) {
        List<Task> open = record.isClosed() ? List.of() : taskService.createTaskQuery()
                .processInstanceBusinessKey(record.number()).active().orderByTaskCreateTime().asc().list();
        String steps = open.stream().map(Task::getName).distinct().reduce((a, b) -> a + "、" + b).orElse("—");
        Optional<Task> mine = open.stream().filter(task -> mayWork(task, user)).findFirst();
        String department = departments.find(record.department()).map(Department::name).orElse(record.department());
        String nextAction;
        String link = null;
        if (record.isClosed()) {
            nextAction = "无（已办结）";
        } else if (mine.isPresent()) {
            nextAction = "办理：" + mine.get().getName();
            link = "/camunda/app/tasklist/default/#/?task=" + mine.get().getId();
        } else {
            nextAction = open.isEmpty() ? "等待系统处理" : "等待" + department + "办理";
        }
        return new CaseRow(record.number(), record.title(), status(record), steps, department,
                deadline(record, open), nextAction, link);
    }

    private String status(CaseRecord record) {
        if (record.isClosed()) {
            return "已办结" + (record.outcome() == null ? "" : "：" + record.outcome());
        }
        String label = stageNames.of(record.status());
        return record.deadline() != null && record.deadline().isExpired() ? label + "（已超期）" : label;
    }

    /** A stage in Chinese as its process declared it, else the code. */
    String stageLabel(String stage) {
        return stageNames.of(stage);
    }

    /** The case's statutory deadline; without one, the nearest due date of its open steps. */
    private static String deadline(CaseRecord record, List<Task> open) {
        if (record.deadline() != null && record.deadline().current() != null) {
            return SHANGHAI.format(record.deadline().current()) + (record.deadline().provisional() ? "（暂定）" : "");
        }
        return open.stream().map(Task::getDueDate).filter(due -> due != null).map(Date::toInstant)
                .min(Comparator.naturalOrder()).map(SHANGHAI::format).map(due -> due + "（本环节）").orElse("—");
    }

    private boolean mayWork(Task task, CurrentUser user) {
        if (task.getAssignee() != null) {
            return task.getAssignee().equals(user.id());
        }
        return !user.isApplicant() && taskService.getIdentityLinksForTask(task.getId()).stream()
                .anyMatch(link -> IdentityLinkType.CANDIDATE.equals(link.getType())
                        && (user.id().equals(link.getUserId()) || (link.getGroupId() != null && user.belongsTo(link.getGroupId()))));
    }

    static String format(Instant instant) {
        return instant == null ? "—" : SHANGHAI.format(instant);
    }
}
