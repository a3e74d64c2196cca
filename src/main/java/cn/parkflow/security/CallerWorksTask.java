package cn.parkflow.security;

import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.IdentityLinkType;

/** Whether the caller works a task: its assignee, or one of its candidate users or groups. */
record CallerWorksTask(String taskId, Authentication caller) implements Command<Boolean> {

    @Override
    public Boolean execute(CommandContext context) {
        return context.runWithoutAuthorization(() -> {
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            if (task == null) {
                return false;
            }
            if (caller.getUserId().equals(task.getAssignee())) {
                return true;
            }
            return task.getIdentityLinks().stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                    .anyMatch(link -> caller.getUserId().equals(link.getUserId())
                            || (caller.getGroupIds() != null && caller.getGroupIds().contains(link.getGroupId())));
        });
    }
}
