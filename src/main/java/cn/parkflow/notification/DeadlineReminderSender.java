package cn.parkflow.notification;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.department.Roles;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the reminders whose time has come (template {@code deadline-reminder}): to the task's
 * departments (its candidate groups, else its assignee, else the case's department), and at 红
 * also to {@code supervision}. Each reminder is claimed, mailed to the outbox and shown on the
 * task (task variable {@code deadlineColour}) in one transaction, so it goes out exactly once,
 * also with several nodes and across restarts. Runs on the notification relay's thread.
 */
@Component
class DeadlineReminderSender {

    static final String TEMPLATE = "deadline-reminder";
    /** Task-local variable with the colour of the latest reminder, e.g. 黄色预警. */
    static final String COLOUR = "deadlineColour";
    private static final int BATCH = 100;
    /** How often the reminders of ended tasks are swept away (by the engine's clock). */
    static final Duration SWEEP = Duration.ofHours(1);

    private final ReminderRepository repository;
    private final Notifications notifications;
    private final CaseFile cases;
    private final MailModel models;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final TransactionTemplate transaction;
    private volatile Instant lastSweep;

    DeadlineReminderSender(ReminderRepository repository, Notifications notifications, CaseFile cases, MailModel models,
                           TaskService taskService, RuntimeService runtimeService,
                           PlatformTransactionManager transactionManager) {
        this.repository = repository;
        this.notifications = notifications;
        this.cases = cases;
        this.models = models;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Sends what is due by the engine's clock; returns how many reminders went out. A task's end
     * leaves its reminders be: one that falls due after it is dropped instead of sent, and once an
     * hour the reminders of every ended task are swept away (one sent before the end has nothing
     * left to fall due).
     */
    int sendDue() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (lastSweep == null || Duration.between(lastSweep, now).abs().compareTo(SWEEP) >= 0) {
            repository.dropEnded();
            lastSweep = now;
        }
        int sent = 0;
        for (ReminderRepository.Due reminder : repository.due(now, BATCH)) {
            if (Boolean.TRUE.equals(transaction.execute(status -> send(reminder, now)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean send(ReminderRepository.Due reminder, Instant now) {
        Task task = taskService.createTaskQuery().taskId(reminder.taskId()).singleResult();
        if (task == null) {
            repository.drop(reminder.taskId()); // the task has ended
            return false;
        }
        if (!repository.claim(reminder, now)) {
            return false;
        }
        ReminderLevel level = reminder.level();
        String caseNumber = caseNumberOf(task);
        Set<String> departments = new LinkedHashSet<>();
        Set<String> recipients = new LinkedHashSet<>();
        for (IdentityLink link : taskService.getIdentityLinksForTask(task.getId())) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                departments.add(link.getGroupId());
            }
        }
        if (departments.isEmpty() && task.getAssignee() != null) {
            recipients.add(task.getAssignee());
        }
        if (departments.isEmpty() && recipients.isEmpty() && caseNumber != null) {
            cases.find(caseNumber).map(CaseRecord::department).ifPresent(departments::add);
        }
        recipients.addAll(departments);
        if (level == ReminderLevel.RED) {
            recipients.add(Roles.SUPERVISION);
        }
        Map<String, Object> model = ProcessModels.of(task, caseNumber);
        model.put("routedTo", departments.stream().map(models::departmentName).collect(Collectors.joining("、")));
        model.put("levelLabel", level.label);
        model.put("levelHeadline", level.headline);
        model.put("levelColour", level.colour);
        model.put("levelMessage", level.message);
        if (!recipients.isEmpty()) {
            notifications.enqueue(TEMPLATE, String.join(",", recipients), model,
                    "task:" + task.getId() + ":reminder:" + level + ":" + reminder.dueAt().toEpochMilli());
        }
        taskService.setVariableLocal(task.getId(), COLOUR, level.label);
        return true;
    }

    private String caseNumberOf(Task task) {
        if (task.getProcessInstanceId() == null) {
            return null;
        }
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult();
        return instance == null ? null : instance.getBusinessKey();
    }
}
