package cn.parkflow.approval;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 退回: the holder sends the case back to an earlier step the model declares returnable, with a
 * reason. The kernel modifies the instance on the holder's behalf: the target step (or the entry the
 * step declares, e.g. the statutory clock's pause before the applicant's 补正) starts, the current
 * step is cancelled. The step goes back to whoever did it before, and the reason is shown to them.
 * A step worked beside others (a parallel branch, a seat of a multi-instance step, a report opened by
 * an event sub-process) cannot be returned alone: cancelling it would leave the others waiting.
 */
@Service
class ReturnAction {

    static final String ACTION = "退回";

    private final Tasks tasks;
    private final RuntimeService runtimeService;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final CaseFile caseFile;
    private final AsServer asServer;
    private final ActionRecords records;

    ReturnAction(Tasks tasks, RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
                 CaseFile caseFile, AsServer asServer, ActionRecords records) {
        this.tasks = tasks;
        this.runtimeService = runtimeService;
        this.taskService = taskService;
        this.historyService = historyService;
        this.caseFile = caseFile;
        this.asServer = asServer;
        this.records = records;
    }

    /** The steps this task may be returned to: step id to name. */
    Map<String, String> targets(CurrentUser user, String taskId) {
        OpenTask task = tasks.open(taskId);
        Actors.requireHandler(user, task, ACTION);
        Map<String, String> names = new java.util.LinkedHashMap<>();
        targetsOf(task).forEach((id, step) -> names.put(id, step.getName()));
        return names;
    }

    @Transactional
    void returnTo(CurrentUser user, String taskId, String targetStep, String reason) {
        String why = Actors.requireText(reason, "退回理由");
        OpenTask task = tasks.open(taskId);
        Actors.requireHandler(user, task, ACTION);
        Map<String, UserTask> targets = targetsOf(task);
        UserTask target = targets.get(targetStep);
        if (target == null) {
            String allowed = targets.isEmpty() ? "本环节没有可退回的环节"
                    : "可退回的环节：" + String.join("、", targets.values().stream().map(UserTask::getName).toList());
            throw ActionRefused.notApplicable("不能退回到「" + targetStep + "」：流程未声明它为本环节之前可退回的环节（"
                    + allowed + "）。");
        }
        String entry = StepProperties.of(target).returnEntry(target.getId());
        String earlierHandler = asServer.call(() -> {
            requireAlone(task);
            String handler = lastHandler(task.processInstanceId(), target.getId());
            runtimeService.createProcessInstanceModification(task.processInstanceId())
                    .startBeforeActivity(entry)
                    .cancelActivityInstance(task.activityInstanceId())
                    .execute();
            return handler;
        });
        asServer.run(() -> { // a new command: the reopened task is written by now
            List<Task> reopened = taskService.createTaskQuery().processInstanceId(task.processInstanceId())
                    .taskDefinitionKey(target.getId()).list();
            if (earlierHandler != null) {
                reopened.stream().filter(t -> t.getAssignee() == null)
                        .forEach(t -> taskService.setAssignee(t.getId(), earlierHandler));
            }
        });
        String receiver = earlierHandler != null ? earlierHandler : applicantOf(task);
        records.record(TaskAction.on(task, TaskAction.Kind.RETURNED, user.id(), target.getId(), receiver, why),
                "退回至「" + target.getName() + "」：" + why, receiver, null);
    }

    private void requireAlone(OpenTask task) {
        ActivityInstance parent = parentOf(runtimeService.getActivityInstance(task.processInstanceId()),
                task.activityInstanceId());
        if (parent == null) {
            return;
        }
        List<String> beside = new ArrayList<>();
        for (ActivityInstance child : parent.getChildActivityInstances()) {
            if (!child.getId().equals(task.activityInstanceId())) {
                beside.add(child.getActivityName() == null ? child.getActivityId() : child.getActivityName());
            }
        }
        for (TransitionInstance child : parent.getChildTransitionInstances()) {
            beside.add(child.getActivityId());
        }
        if (parent.getActivityType().equals("multiInstanceBody") || !beside.isEmpty()) {
            throw ActionRefused.notApplicable("「" + task.stepName() + "」与其他环节并行办理（"
                    + (beside.isEmpty() ? "多人分别办理" : String.join("、", beside.stream().distinct().toList()))
                    + "），不能单独退回。");
        }
    }

    private static ActivityInstance parentOf(ActivityInstance scope, String activityInstanceId) {
        for (ActivityInstance child : scope.getChildActivityInstances()) {
            if (child.getId().equals(activityInstanceId)) {
                return scope;
            }
            ActivityInstance found = parentOf(child, activityInstanceId);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    Map<String, UserTask> targetsOf(OpenTask task) {
        return ReturnTargets.of(tasks.model(task.task().getProcessDefinitionId()), task.stepId());
    }

    /** Who completed the step last in this instance, if anyone. */
    private String lastHandler(String processInstanceId, String stepId) {
        return historyService.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(stepId).finished().orderByHistoricTaskInstanceEndTime().desc().list().stream()
                .map(HistoricTaskInstance::getAssignee).filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }

    private String applicantOf(OpenTask task) {
        return task.caseNumber() == null ? null
                : caseFile.find(task.caseNumber()).map(record -> record.applicantUser()).orElse(null);
    }
}
