package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.runtime.ProcessInstanceModificationBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 撤回: whoever completed a step takes it back while the next step is untouched: its tasks are
 * unclaimed and hold no saved input (a comment or attachment), and nothing was completed in the case since. The next step's
 * tasks are cancelled and the step reopens, assigned to them; the completion stays in the audit trail.
 */
@Service
class WithdrawAction {

    private final Tasks tasks;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final AsServer asServer;
    private final ActionRecords records;

    WithdrawAction(Tasks tasks, TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
                   AsServer asServer, ActionRecords records) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void withdraw(CurrentUser user, String completedTaskId) {
        HistoricTaskInstance done = asServer.call(() ->
                historyService.createHistoricTaskInstanceQuery().taskId(completedTaskId).singleResult());
        if (done == null || done.getProcessInstanceId() == null) {
            throw ActionRefused.notApplicable("任务 " + completedTaskId + " 不存在。");
        }
        if (!user.id().equals(done.getAssignee())) {
            throw ActionRefused.forbidden("只有办理「" + done.getName() + "」的人可以撤回。");
        }
        if (!"completed".equals(done.getDeleteReason())) {
            throw ActionRefused.notApplicable("「" + done.getName() + "」尚未办理完成，无需撤回。");
        }
        List<Task> next = asServer.call(() -> nextTasks(done));
        String caseNumber = asServer.call(() -> tasks.caseNumber(done.getProcessInstanceId()));
        String recipients = next.stream().flatMap(task -> candidatesOf(task).stream()).distinct()
                .collect(Collectors.joining(","));
        asServer.run(() -> {
            ProcessInstanceModificationBuilder modification = runtimeService
                    .createProcessInstanceModification(done.getProcessInstanceId())
                    .startBeforeActivity(done.getTaskDefinitionKey());
            for (Task task : next) {
                modification.cancelActivityInstance(activityInstanceOf(task));
            }
            modification.execute();
        });
        asServer.run(() -> { // a new command: the reopened task is written by now
            taskService.createTaskQuery().processInstanceId(done.getProcessInstanceId())
                    .taskDefinitionKey(done.getTaskDefinitionKey()).list()
                    .forEach(reopened -> taskService.setAssignee(reopened.getId(), user.id()));
        });
        String nextSteps = next.stream().map(Task::getName).distinct().collect(Collectors.joining("、"));
        records.record(new TaskAction(caseNumber, done.getProcessInstanceId(), done.getId(), done.getName(),
                        TaskAction.Kind.WITHDRAWN, user.id(), done.getTaskDefinitionKey(), null, null, null),
                "撤回已办理的「" + done.getName() + "」，下一环节「" + nextSteps + "」随之撤销", recipients, null);
    }

    /** The tasks the completion opened, if they are untouched; refused otherwise. */
    private List<Task> nextTasks(HistoricTaskInstance done) {
        boolean completedSince = historyService.createHistoricTaskInstanceQuery()
                .processInstanceId(done.getProcessInstanceId()).finished().list().stream()
                .anyMatch(other -> !other.getId().equals(done.getId()) && other.getEndTime().after(done.getEndTime())
                        && "completed".equals(other.getDeleteReason()));
        if (completedSince) {
            throw ActionRefused.notApplicable("「" + done.getName() + "」之后已有环节办理完毕，不能撤回。");
        }
        List<Task> next = taskService.createTaskQuery().processInstanceId(done.getProcessInstanceId()).list().stream()
                .filter(task -> !task.getCreateTime().before(done.getEndTime())).toList();
        if (next.isEmpty()) {
            throw ActionRefused.notApplicable("「" + done.getName() + "」的下一环节不在待办中（案件已进入系统处理或已办结），不能撤回。");
        }
        for (Task task : next) {
            if (task.getAssignee() != null) {
                throw ActionRefused.notApplicable("下一环节「" + task.getName() + "」已由 " + task.getAssignee()
                        + " 签收办理，不能撤回。");
            }
            // users write no task variables but by completing (package security); what they save is a note or a file
            if (!taskService.getTaskComments(task.getId()).isEmpty()
                    || !taskService.getTaskAttachments(task.getId()).isEmpty()) {
                throw ActionRefused.notApplicable("下一环节「" + task.getName() + "」已保存办理内容，不能撤回。");
            }
        }
        return next;
    }

    private String activityInstanceOf(Task task) {
        return historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult().getActivityInstanceId();
    }

    private List<String> candidatesOf(Task task) {
        return asServer.call(() -> taskService.getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType()))
                .map(link -> link.getGroupId() != null ? link.getGroupId() : link.getUserId()).toList());
    }
}
