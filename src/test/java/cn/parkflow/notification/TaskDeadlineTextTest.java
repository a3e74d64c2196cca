package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.junit.jupiter.api.Test;

/** The task's deadline as every task form shows it: in Chinese, Shanghai time, read from the due date. */
class TaskDeadlineTextTest {

    private final TaskDeadlineText text = new TaskDeadlineText();

    @Test
    void shouldShowTheDueDateInChineseShanghaiTime() {
        assertThat(text.of(task(shanghai("2026-03-09T17:30")))).containsEntry("taskDeadline", "2026年3月9日 17:30");
    }

    @Test
    void shouldSayThereIsNoDeadlineWhileTheClockIsPaused() {
        assertThat(text.of(task(null))).containsEntry("taskDeadline", "未设定");
    }

    @Test
    void shouldFormatInShanghaiWhateverTheServersZone() {
        Date midnightUtc = Date.from(LocalDateTime.parse("2026-03-08T16:00").atZone(ZoneId.of("UTC")).toInstant());
        assertThat(text.of(task(midnightUtc))).containsEntry("taskDeadline", "2026年3月9日 00:00");
    }

    private static DelegateTask task(Date due) {
        DelegateTask task = mock(DelegateTask.class);
        when(task.getDueDate()).thenReturn(due);
        return task;
    }

    private static Date shanghai(String local) {
        return Date.from(LocalDateTime.parse(local).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
