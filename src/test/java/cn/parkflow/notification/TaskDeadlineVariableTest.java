package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;

/** The task's deadline as every task form shows it: task-local, in Chinese, Shanghai time. */
class TaskDeadlineVariableTest {

    private final ReminderPolicy policy = mock(ReminderPolicy.class);
    private final DeadlineReminders reminders = new DeadlineReminders(policy, mock(ReminderRepository.class));

    @Test
    void shouldWriteTheDueDateInChineseShanghaiTimeWhenTheTaskIsCreated() {
        DelegateTask task = task(TaskListener.EVENTNAME_CREATE, shanghai("2026-03-09T17:30"));

        reminders.notify(task);

        verify(task).setVariableLocal("taskDeadline", "2026年3月9日 17:30");
    }

    @Test
    void shouldFollowTheDueDateWhenItMoves() {
        DelegateTask task = task(TaskListener.EVENTNAME_UPDATE, shanghai("2026-10-12T09:05"));

        reminders.notify(task);

        verify(task).setVariableLocal("taskDeadline", "2026年10月12日 09:05");
    }

    @Test
    void shouldSayThereIsNoDeadlineWhileTheClockIsPaused() {
        DelegateTask task = task(TaskListener.EVENTNAME_UPDATE, null);

        reminders.notify(task);

        verify(task).setVariableLocal("taskDeadline", "未设定");
    }

    @Test
    void shouldFormatInShanghaiWhateverTheServersZone() {
        Date midnightUtc = Date.from(LocalDateTime.parse("2026-03-08T16:00").atZone(ZoneId.of("UTC")).toInstant());
        assertThat(DeadlineReminders.chinese(midnightUtc)).isEqualTo("2026年3月9日 00:00");
    }

    private DelegateTask task(String event, Date due) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getEventName()).thenReturn(event);
        when(task.getId()).thenReturn("task-1");
        when(task.getDueDate()).thenReturn(due);
        when(task.getTaskDefinitionKey()).thenReturn("Task_Any");
        when(policy.firingTimes(any(), any(), any())).thenReturn(Map.of());
        return task;
    }

    private static Date shanghai(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
