package cn.parkflow.notification;

import cn.parkflow.calendar.Workdays;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * When the reminders of a task fall due (DOMAIN.md §2): 蓝 {@code blue-before} working days
 * before its due date, 黄 at it, 红 {@code red-after} working days after it. A process or one of
 * its steps may keep fewer levels (configuration {@code parkflow.notification.reminders.steps}),
 * e.g. a step whose deadline ends it has nothing to remind of once the deadline has passed.
 */
@Component
class ReminderPolicy {

    private final NotificationProperties.Reminders reminders;
    private final Workdays workdays;

    ReminderPolicy(NotificationProperties properties, Workdays workdays) {
        this.reminders = properties.reminders();
        this.workdays = workdays;
    }

    /** The reminders of a task of {@code processKey} at step {@code taskKey} due at {@code due}. */
    Map<ReminderLevel, Date> firingTimes(String processKey, String taskKey, Date due) {
        Map<ReminderLevel, Date> times = new EnumMap<>(ReminderLevel.class);
        for (ReminderLevel level : levels(processKey, taskKey)) {
            times.put(level, switch (level) {
                case BLUE -> workdays.before(reminders.blueBefore(), due);
                case YELLOW -> due;
                case RED -> workdays.after(reminders.redAfter(), due);
            });
        }
        return times;
    }

    private List<ReminderLevel> levels(String processKey, String taskKey) {
        if (!reminders.enabled()) {
            return List.of();
        }
        List<ReminderLevel> levels = List.of(ReminderLevel.values());
        for (NotificationProperties.StepReminders step : reminders.steps()) {
            if (step.process().equals(processKey) && (step.step() == null || step.step().equals(taskKey))) {
                levels = step.levels();
                if (step.step() != null) {
                    break; // a step's own setting wins over its process's
                }
            }
        }
        return levels;
    }
}
