package cn.parkflow.notification;

import cn.parkflow.casefile.CaseFile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends each department's 待办汇总 (template {@code department-digest}): once an interval of the
 * engine's clock has ended, the tasks queued before it that are still open, in one mail per
 * department. The outbox key names the department and the interval, so a department gets at most
 * one digest per interval, also with several nodes. Runs on the notification relay's thread.
 */
@Component
class DigestSender {

    static final String TEMPLATE = "department-digest";

    private final DigestProperties properties;
    private final DigestRepository repository;
    private final Notifications notifications;
    private final MailModel models;
    private final CaseFile cases;
    private final TaskService taskService;
    private final TransactionTemplate transaction;

    DigestSender(DigestProperties properties, DigestRepository repository, Notifications notifications, MailModel models,
                 CaseFile cases, TaskService taskService, PlatformTransactionManager transactionManager) {
        this.properties = properties;
        this.repository = repository;
        this.notifications = notifications;
        this.models = models;
        this.cases = cases;
        this.taskService = taskService;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Sends the digests of the intervals that have ended by the engine's clock; returns how many went out. */
    int sendDue() {
        Instant intervalStart = intervalStart(ClockUtil.getCurrentTime().toInstant());
        Map<String, List<DigestRepository.Entry>> byDepartment = new LinkedHashMap<>();
        repository.waitingBefore(intervalStart)
                .forEach(entry -> byDepartment.computeIfAbsent(entry.department(), d -> new ArrayList<>()).add(entry));
        int sent = 0;
        for (Map.Entry<String, List<DigestRepository.Entry>> department : byDepartment.entrySet()) {
            String key = "digest:" + department.getKey() + ":" + intervalStart;
            if (Boolean.TRUE.equals(transaction.execute(status -> send(department.getKey(), department.getValue(), key, intervalStart)))) {
                sent++;
            }
        }
        return sent;
    }

    Instant intervalStart(Instant now) {
        long seconds = properties.interval().toSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond(), seconds) * seconds);
    }

    private boolean send(String department, List<DigestRepository.Entry> entries, String key, Instant until) {
        if (!repository.markSent(entries, key)) {
            return false; // another pass carried them
        }
        Set<String> open = taskService.createTaskQuery()
                .taskIdIn(entries.stream().map(DigestRepository.Entry::taskId).toArray(String[]::new)).list()
                .stream().map(Task::getId).collect(Collectors.toSet());
        List<String> lines = new ArrayList<>();
        for (DigestRepository.Entry entry : entries) {
            if (open.contains(entry.taskId())) {
                lines.add(line(lines.size() + 1, entry));
            }
        }
        if (lines.isEmpty()) {
            return false; // all done before the digest: nothing to tell
        }
        Map<String, Object> model = new HashMap<>();
        model.put("departmentName", models.departmentName(department));
        model.put("taskCount", lines.size());
        model.put("tasks", String.join("\n", lines));
        model.put("until", until);
        return notifications.enqueue(TEMPLATE, department, model, key) > 0;
    }

    private String line(int number, DigestRepository.Entry entry) {
        String applicant = entry.caseNumber() == null ? null : cases.find(entry.caseNumber())
                .map(record -> record.applicantOrganisation() != null ? record.applicantOrganisation() : record.title())
                .orElse(null);
        return number + ". " + (entry.caseNumber() == null ? "" : entry.caseNumber() + " ")
                + (applicant == null ? "" : applicant + " · ") + entry.step()
                + "，办理期限 " + (entry.dueAt() == null ? MailModel.NO_DEADLINE : MailModel.format(entry.dueAt()))
                + "\n   " + models.taskLink(entry.taskId());
    }
}
