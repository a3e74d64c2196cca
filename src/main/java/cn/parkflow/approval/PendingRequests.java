package cn.parkflow.approval;

import cn.parkflow.engine.EveryUserTaskListener;
import cn.parkflow.form.SubmissionRefused;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * A step with an open request cannot be completed: a 委派 is given back first (the engine itself would
 * complete a delegated task), whoever was asked in a 加签 answers first.
 */
@Component("pendingRequests")
class PendingRequests implements EveryUserTaskListener {

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        if (task instanceof TaskEntity entity && entity.getDelegationState() == DelegationState.PENDING) {
            throw new SubmissionRefused(task.getName(), List.of("任务已委派给 " + task.getAssignee()
                    + "，须由其交回后再办理"));
        }
        // straight from the engine's task table: not the caller's authorization-checked task query
        // (a request asked of someone else is pending too), and no query building on every completion
        List<Task> open = Context.getCommandContext().getTaskManager().findTasksByParentTaskId(task.getId());
        if (!open.isEmpty()) {
            throw new SubmissionRefused(task.getName(), List.of("加签征求的意见尚未全部答复（"
                    + String.join("、", open.stream().map(Task::getAssignee).toList()) + "），请待答复后再办理"));
        }
    }
}
