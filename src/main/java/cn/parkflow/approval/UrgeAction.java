package cn.parkflow.approval;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 催办: a supervisor, or the applicant on their own case, urges whoever holds its open steps: a mail
 * and a mark on each task (its priority raised to {@value #URGED_PRIORITY}), at most once per working
 * day per case.
 */
@Service
class UrgeAction {

    static final int URGED_PRIORITY = 100;

    private final CaseFile caseFile;
    private final TaskService taskService;
    private final WorkingDayCalendar calendar;
    private final ActionLog log;
    private final AsServer asServer;
    private final ActionRecords records;

    UrgeAction(CaseFile caseFile, TaskService taskService, WorkingDayCalendar calendar, ActionLog log,
               AsServer asServer, ActionRecords records) {
        this.caseFile = caseFile;
        this.taskService = taskService;
        this.calendar = calendar;
        this.log = log;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void urge(CurrentUser user, String caseNumber, String message) {
        CaseRecord record = caseFile.get(caseNumber);
        if (!Actors.mayUrge(user, record)) {
            throw ActionRefused.forbidden("只有督查人员或本案申请人可以催办。");
        }
        List<Task> open = asServer.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).list());
        if (open.isEmpty()) {
            throw ActionRefused.notApplicable("案件 " + caseNumber + " 当前没有待办环节，无需催办。");
        }
        Instant now = EngineClock.now();
        if (log.lastUrged(caseNumber).filter(last -> workingDayOf(last).equals(workingDayOf(now))).isPresent()) {
            throw ActionRefused.notApplicable("案件 " + caseNumber + " 本工作日已催办过，每个工作日最多催办一次。");
        }
        String text = message == null || message.isBlank() ? "请尽快办理" : Actors.requireText(message, "催办说明");
        String holders = asServer.call(() -> {
            open.forEach(task -> taskService.setPriority(task.getId(), Math.max(task.getPriority(), URGED_PRIORITY)));
            return open.stream().flatMap(task -> holdersOf(task).stream()).distinct().collect(Collectors.joining(","));
        });
        Task first = open.get(0);
        String steps = open.stream().map(Task::getName).distinct().collect(Collectors.joining("、"));
        records.record(new TaskAction(caseNumber, first.getProcessInstanceId(), first.getId(), steps,
                        TaskAction.Kind.URGED, user.id(), null, holders, text, now),
                user.id() + " 催办「" + steps + "」：" + text, holders, first.getId());
    }

    /** The working day a moment counts for: its date, or the next working day after a holiday. */
    private LocalDate workingDayOf(Instant moment) {
        LocalDate date = calendar.dateOf(moment);
        while (!calendar.isWorkingDay(date)) {
            date = date.plusDays(1);
        }
        return date;
    }

    private List<String> holdersOf(Task task) {
        if (task.getAssignee() != null) {
            return List.of(task.getAssignee());
        }
        return taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId()).toList();
    }
}
