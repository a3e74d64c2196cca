package cn.parkflow.notification;

import cn.parkflow.engine.EveryUserTaskListener;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Keeps the 蓝/黄/红 reminders of every user task with a due date, in every process, without an
 * element in any model: armed when the task is created, moved when its due date moves (a clock
 * pause takes the due date away, a resume or extension gives a new one). A task's end leaves them
 * be: the step that ends it writes nothing more (issue 17), and {@link DeadlineReminderSender},
 * which sends them when their time comes, drops those of ended tasks instead, when they fall due
 * and in its hourly sweep. Forms show the due date in words through
 * {@link TaskDeadlineText}.
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
        return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_UPDATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String event = task.getEventName();
        if (task.getDueDate() == null) {
            if (!TaskListener.EVENTNAME_CREATE.equals(event)) { // a new task has no reminders to drop
                repository.disarm(task.getId());
            }
        } else {
            Instant due = task.getDueDate().toInstant();
            Instant now = ClockUtil.getCurrentTime().toInstant();
            String processKey = EveryUserTaskListener.processKey(task);
            Map<ReminderLevel, Date> times = policy.firingTimes(processKey, task.getTaskDefinitionKey(), task.getDueDate());
            Map<ReminderLevel, Instant> fireAt = new EnumMap<>(ReminderLevel.class);
            times.forEach((level, at) -> fireAt.put(level, at.toInstant()));
            if (TaskListener.EVENTNAME_CREATE.equals(event)) {
                repository.armNew(task.getId(), due, fireAt);
            } else {
                repository.arm(task.getId(), due, fireAt, now);
            }
        }
    }
}
