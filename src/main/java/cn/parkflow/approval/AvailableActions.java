package cn.parkflow.approval;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

/** Which actions the caller may take on a task, so that Tasklist offers only those (the actions check again). */
@Service
class AvailableActions {

    /**
     * @param caseNumber the task's case, for 催办 and 抄送 (null when it has none)
     * @param urge       催办 of the case: supervisors, and the applicant on their own case
     * @param copy       抄送 of the case: officers working it, and supervisors
     */
    record Available(boolean handle, Map<String, String> returnTargets, boolean resolve, boolean answer,
                     String caseNumber, boolean urge, boolean copy) {

        Available withCase(String number, boolean mayUrge, boolean mayCopy) {
            return new Available(handle, returnTargets, resolve, answer, number, mayUrge, mayCopy);
        }
    }

    private final Tasks tasks;
    private final ReturnAction returns;
    private final TaskService taskService;
    private final AsServer asServer;
    private final CaseFile caseFile;
    private final CaseAccess access;

    AvailableActions(Tasks tasks, ReturnAction returns, TaskService taskService, AsServer asServer, CaseFile caseFile,
                     CaseAccess access) {
        this.tasks = tasks;
        this.returns = returns;
        this.taskService = taskService;
        this.asServer = asServer;
        this.caseFile = caseFile;
        this.access = access;
    }

    Available of(CurrentUser user, String taskId) {
        Task plain = asServer.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (plain == null) {
            throw ActionRefused.notApplicable("任务 " + taskId + " 不存在或已办理完毕。");
        }
        Available onTask = onTask(user, plain);
        String number = plain.getProcessInstanceId() == null ? null
                : asServer.call(() -> tasks.caseNumber(plain.getProcessInstanceId()));
        CaseRecord record = number == null ? null : caseFile.find(number).orElse(null);
        if (record == null) {
            return onTask;
        }
        return onTask.withCase(number, Actors.mayUrge(user, record), Actors.mayCopy(user, record, access));
    }

    private Available onTask(CurrentUser user, Task plain) {
        boolean mine = user.id().equals(plain.getAssignee());
        if (plain.getParentTaskId() != null || plain.getProcessInstanceId() == null) {
            return none(false, mine && plain.getParentTaskId() != null);
        }
        if (mine && plain.getDelegationState() == DelegationState.PENDING) {
            return none(true, false);
        }
        OpenTask task = tasks.open(plain.getId());
        try {
            Actors.requireHandler(user, task, "办理");
        } catch (ActionRefused notTheirs) {
            return none(false, false);
        }
        Map<String, String> targets = new LinkedHashMap<>();
        returns.targetsOf(task).forEach((id, step) -> targets.put(id, step.getName()));
        return new Available(true, targets, false, false, null, false, false);
    }

    private static Available none(boolean resolve, boolean answer) {
        return new Available(false, Map.of(), resolve, answer, null, false, false);
    }
}
