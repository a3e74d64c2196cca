package cn.parkflow.supervision;

import cn.parkflow.calendar.ClockView;
import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.StageNames;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.security.CurrentUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case as a whole for the board: its record, the timeline of its audit trail in Chinese, its
 * open steps with groups and deadlines, its statutory clock with pauses and extensions, its
 * documents and the mails sent about it. Who may open it follows the case ({@link CaseAccess}); a
 * department that only held an earlier step sees neither the applicant nor documents nor mails.
 */
@Component
class CasePage {

    private final CaseAccess access;
    private final CaseFile caseFile;
    private final CaseDocuments documents;
    private final StatutoryClock clocks;
    private final TaskService tasks;
    private final JdbcClient jdbc;
    private final Timeline timeline;
    private final DeadlineStanding standing;
    private final DepartmentDirectory departments;
    private final StageNames stageNames;

    CasePage(CaseAccess access, CaseFile caseFile, CaseDocuments documents, StatutoryClock clocks, TaskService tasks,
             JdbcClient jdbc, Timeline timeline, DeadlineStanding standing, DepartmentDirectory departments,
             StageNames stageNames) {
        this.departments = departments;
        this.stageNames = stageNames;
        this.access = access;
        this.caseFile = caseFile;
        this.documents = documents;
        this.clocks = clocks;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.timeline = timeline;
        this.standing = standing;
    }

    View of(String number, CurrentUser user, Instant now) {
        CaseRecord record = access.requireReadable(number, user);
        boolean full = access.worksOn(user, record);
        CaseRecord shown = full ? record : new CaseRecord(record.number(), record.type(), record.title(), null, null,
                record.department(), record.status(), record.openedAt(), record.closedAt(), record.outcome(),
                record.deadline());
        return new View(shown, departmentName(record.department()), stageNames.of(record.status()), !full, timeline.of(caseFile.events(number)), openSteps(number, now),
                clocks.find(number).orElse(null),
                full ? documents.list(number, user) : List.of(), full ? mails(number) : List.of());
    }

    private List<OpenStep> openSteps(String number, Instant now) {
        return tasks.createTaskQuery().processInstanceBusinessKey(number).orderByTaskCreateTime().asc().list().stream()
                .map(task -> step(task, now)).toList();
    }

    private OpenStep step(Task task, Instant now) {
        List<String> groups = tasks.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(link -> link.getGroupId()).toList();
        Instant due = task.getDueDate() == null ? null : task.getDueDate().toInstant();
        DeadlineStanding.Standing where = due == null ? null : standing.of(due, now);
        return new OpenStep(task.getId(), task.getName(), groups, groups.stream().map(this::departmentName).toList(),
                task.getAssignee(), task.getCreateTime().toInstant(),
                due, where == null ? null : where.workingDaysOverdue(), where == null ? null : where.colour());
    }

    /** A department's Chinese name; a group that is no department (e.g. experts) shows as it is. */
    private String departmentName(String code) {
        return code == null ? null : departments.find(code).map(Department::name).orElse(code);
    }

    private List<Mail> mails(String number) {
        return jdbc.sql("""
                SELECT recipient, subject, status, created_at, sent_at FROM notification
                WHERE case_number = ? ORDER BY created_at, id
                """).param(number).query((rs, n) -> new Mail(rs.getString("recipient"), rs.getString("subject"),
                        Map.of("SENT", "已发送", "PENDING", "待发送", "FAILED", "发送失败")
                                .getOrDefault(rs.getString("status"), rs.getString("status")),
                        OpenDeadlines.instant(rs, "created_at"), OpenDeadlines.instant(rs, "sent_at"))).list();
    }

    /** @param restricted true when applicant, documents and mails are withheld from this caller */
    /** @param departmentName the Chinese name of the case's department */
    record View(CaseRecord record, String departmentName, String statusName, boolean restricted, List<Timeline.Entry> timeline, List<OpenStep> openSteps,
                ClockView clock, List<CaseDocument> documents, List<Mail> mails) {
    }

    /** @param groupNames the groups by their Chinese department names, in the order of {@code groups} */
    record OpenStep(String taskId, String step, List<String> groups, List<String> groupNames, String assignee, Instant created, Instant due,
                    Integer workingDaysOverdue, Colour colour) {
    }

    record Mail(String recipient, String subject, String status, Instant createdAt, Instant sentAt) {
    }
}
