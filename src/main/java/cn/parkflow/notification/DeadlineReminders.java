package cn.parkflow.notification;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.engine.EveryUserTaskListener;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
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
 * and in its hourly sweep. The due date is also written, in
 * Chinese, to the task-local variable {@value #TASK_DEADLINE}, so that every task form can show the
 * task's deadline as read-only context.
 */
@Component
class DeadlineReminders implements EveryUserTaskListener {

    /** Task-local variable: the due date as the forms show it, e.g. "2026年3月9日 17:30". */
    static final String TASK_DEADLINE = "taskDeadline";
    static final String NO_DEADLINE = "未设定";
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(EngineClock.ZONE);

    private final ReminderPolicy policy;
    private final ReminderRepository repository;

    DeadlineReminders(ReminderPolicy policy, ReminderRepository repository) {
        this.policy = policy;
        this.repository = repository;
    }

    @Override
    public Set<String> displayVariables() {
        return Set.of(TASK_DEADLINE);
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
            task.setVariableLocal(TASK_DEADLINE, NO_DEADLINE);
        } else {
            task.setVariableLocal(TASK_DEADLINE, chinese(task.getDueDate()));
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

    static String chinese(Date dueDate) {
        return CHINESE.format(dueDate.toInstant());
    }
}
