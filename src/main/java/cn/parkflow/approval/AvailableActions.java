package cn.parkflow.approval;

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

    record Available(boolean handle, Map<String, String> returnTargets, boolean resolve, boolean answer) {
    }

    private final Tasks tasks;
    private final ReturnAction returns;
    private final TaskService taskService;
    private final AsServer asServer;

    AvailableActions(Tasks tasks, ReturnAction returns, TaskService taskService, AsServer asServer) {
        this.tasks = tasks;
        this.returns = returns;
        this.taskService = taskService;
        this.asServer = asServer;
    }

    Available of(CurrentUser user, String taskId) {
        Task plain = asServer.call(() -> taskService.createTaskQuery().taskId(taskId).singleResult());
        if (plain == null) {
            throw ActionRefused.notApplicable("任务 " + taskId + " 不存在或已办理完毕。");
        }
        boolean mine = user.id().equals(plain.getAssignee());
        if (plain.getParentTaskId() != null || plain.getProcessInstanceId() == null) {
            return new Available(false, Map.of(), false, mine && plain.getParentTaskId() != null);
        }
        if (mine && plain.getDelegationState() == DelegationState.PENDING) {
            return new Available(false, Map.of(), true, false);
        }
        OpenTask task = tasks.open(taskId);
        try {
            Actors.requireHandler(user, task, "办理");
        } catch (ActionRefused notTheirs) {
            return new Available(false, Map.of(), false, false);
        }
        Map<String, String> targets = new LinkedHashMap<>();
        returns.targetsOf(task).forEach((id, step) -> targets.put(id, step.getName()));
        return new Available(true, targets, false, false);
    }
}
