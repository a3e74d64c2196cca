package cn.parkflow.approval;

import cn.parkflow.engine.EveryUserTaskListener;
import cn.parkflow.form.SubmissionRefused;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** A step with an open 加签 cannot be completed: whoever was asked answers first. */
@Component("consultationsAnswered")
class ConsultationsAnswered implements EveryUserTaskListener {

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        List<Task> open = task.getProcessEngineServices().getTaskService().getSubTasks(task.getId());
        if (!open.isEmpty()) {
            throw new SubmissionRefused(task.getName(), List.of("加签征求的意见尚未全部答复（"
                    + String.join("、", open.stream().map(Task::getAssignee).toList()) + "），请待答复后再办理"));
        }
    }
}
