package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.calendar.Workdays;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReminderPolicyTest {

    private static final Date DUE = shanghai("2026-02-13T17:30"); // the Friday before the Spring Festival

    @Test
    void shouldRemindAWorkingDayBeforeAtAndThreeWorkingDaysAfterTheDueDateAcrossTheSpringFestival() {
        Map<ReminderLevel, Date> times = policy(List.of()).firingTimes("any-process", "Task_Any", DUE);

        assertThat(times).containsExactly(
                Map.entry(ReminderLevel.BLUE, shanghai("2026-02-12T17:30")),
                Map.entry(ReminderLevel.YELLOW, DUE),
                // Saturday 02-14 is a make-up working day; 02-16..02-23 are holidays except the weekend 02-21/22
                Map.entry(ReminderLevel.RED, shanghai("2026-02-25T17:30")));
    }

    @Test
    void shouldKeepTheLevelsAStepOrItsProcessIsConfiguredWith() {
        ReminderPolicy policy = policy(List.of(
                new NotificationProperties.StepReminders("p", null, List.of(ReminderLevel.RED)),
                new NotificationProperties.StepReminders("p", "Task_Window", List.of(ReminderLevel.BLUE)),
                new NotificationProperties.StepReminders("p", "Task_Public", List.of())));

        assertThat(policy.firingTimes("p", "Task_Window", DUE)).containsOnlyKeys(ReminderLevel.BLUE);
        assertThat(policy.firingTimes("p", "Task_Public", DUE)).isEmpty();
        assertThat(policy.firingTimes("p", "Task_Other", DUE)).containsOnlyKeys(ReminderLevel.RED);
        assertThat(policy.firingTimes("q", "Task_Window", DUE)).hasSize(3);
    }

    private static ReminderPolicy policy(List<NotificationProperties.StepReminders> steps) {
        NotificationProperties standard = TestProperties.standard();
        NotificationProperties properties = new NotificationProperties(standard.baseUrl(), standard.from(),
                standard.fromName(), null, standard.timeouts(), standard.relay(),
                new NotificationProperties.Reminders(true, 1, 3, steps), standard.demoCatcher());
        return new ReminderPolicy(properties, new Workdays(WorkingDayCalendar.bundled()));
    }

    private static Date shanghai(String localDateTime) {
        return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
    }
}
