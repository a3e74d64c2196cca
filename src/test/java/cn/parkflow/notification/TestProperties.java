package cn.parkflow.notification;

import java.time.Duration;

/** Notification settings for tests that build the kernel without Spring: short timeouts and back-off. */
final class TestProperties {

    static final Duration TIMEOUT = Duration.ofSeconds(1);
    /** The wait for the answer to a mail's end of data: longer than a slow server's, unlike {@link #TIMEOUT}. */
    static final Duration FINAL_REPLY = Duration.ofSeconds(5);

    private TestProperties() {
    }

    static NotificationProperties standard() {
        return redirectingTo(null);
    }

    static NotificationProperties redirectingTo(String address) {
        return new NotificationProperties("https://parkflow.test", "noreply@parkflow.example", "园区案件管理系统", address,
                new NotificationProperties.Timeouts(TIMEOUT, TIMEOUT, TIMEOUT, FINAL_REPLY),
                new NotificationProperties.Relay(false, Duration.ofSeconds(1), 10, 3, Duration.ofMinutes(1),
                        Duration.ofMinutes(10), Duration.ofMinutes(1), Duration.ofMinutes(1)),
                standardReminders(),
                new NotificationProperties.DemoCatcher(false, 0));
    }

    /** As application.yaml: 蓝 1 working day before, 黄 at, 红 3 working days after the due date. */
    static NotificationProperties.Reminders standardReminders() {
        return new NotificationProperties.Reminders(true, 1, 3, java.util.List.of());
    }
}
