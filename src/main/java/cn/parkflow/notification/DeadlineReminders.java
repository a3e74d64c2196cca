package cn.parkflow.notification;

import cn.parkflow.engine.EveryUserTaskListener;
import java.time.Instant;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Keeps the 蓝/黄/红 reminders of every user task with a due date, in every process, without an
 * element in any model: armed when the task is created, moved when its due date moves (a clock
 * pause takes the due date away, a resume or extension gives a new one), dropped when it ends.
 * {@link DeadlineReminderSender} sends them when their time comes.
 */
@Component
class DeadlineReminders implements EveryUserTaskListener {

    private final ReminderPolicy policy;
    private final ReminderRepository repository;

    DeadlineReminders(ReminderPolicy policy, ReminderRepository repository) {
        this.policy = policy;
        this.repository = repository;
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE,
                TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (TaskListener.EVENTNAME_COMPLETE.equals(event) || TaskListener.EVENTNAME_DELETE.equals(event)) {
            repository.drop(task.getId());
        } else if (task.getDueDate() == null) {
            repository.disarm(task.getId());
        } else {
            Instant due = task.getDueDate().toInstant();
            Instant now = ClockUtil.getCurrentTime().toInstant();
            // a process definition id is key:version:uuid; a task outside any process has none
            String processKey = task.getProcessDefinitionId() == null ? null : task.getProcessDefinitionId().split(":")[0];
            policy.firingTimes(processKey, task.getTaskDefinitionKey(), task.getDueDate()).forEach((level, fireAt) ->
                    repository.arm(task.getId(), level, due, fireAt.toInstant(), now));
        }
    }
}
