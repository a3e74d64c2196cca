package cn.parkflow.notification;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.engine.TaskDisplayValues;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The task's deadline in words, as every task form shows it read-only and the Tasklist card beside
 * the case number: {@value #TASK_DEADLINE}, e.g. "2026年3月9日 17:30" in Shanghai time, or
 * {@value #NO_DEADLINE} while the task has no due date (a paused clock). Read from the due date
 * each time, so it follows every move of it.
 */
@Component
class TaskDeadlineText implements TaskDisplayValues {

    static final String TASK_DEADLINE = "taskDeadline";
    static final String NO_DEADLINE = "未设定";
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm")
            .withZone(EngineClock.ZONE);

    @Override
    public Map<String, String> of(DelegateTask task) {
        return Map.of(TASK_DEADLINE, task.getDueDate() == null ? NO_DEADLINE : chinese(task.getDueDate()));
    }

    static String chinese(Date dueDate) {
        return CHINESE.format(dueDate.toInstant());
    }
}
