package cn.parkflow.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code parkflow.notification.*}: links, sender, SMTP timeouts, the redirect-all switch, the
 * outbox relay and the demo mail catcher. Defaults live in application.yaml.
 *
 * @param baseUrl       where users reach Parkflow; mail links start with it (no trailing slash)
 * @param redirectAllTo when set, every mail goes to this one address instead (test and staging)
 */
@Validated
@ConfigurationProperties("parkflow.notification")
record NotificationProperties(
        @NotBlank @Pattern(regexp = "https?://\\S*[^/]", message = "必须是 http(s) 地址且不以 / 结尾") String baseUrl,
        @NotBlank @Email String from,
        @NotBlank String fromName,
        @Email String redirectAllTo,
        @NotNull @Valid Timeouts timeouts,
        @NotNull @Valid Relay relay,
        @NotNull @Valid Reminders reminders,
        @NotNull @Valid DemoCatcher demoCatcher) {

    /**
     * Jakarta Mail waits forever by default; these bound one SMTP connection.
     *
     * @param finalReply the wait for the answer to a mail's end of data, which decides whether the server
     *                   took it: a mail given up there may be delivered and then sent again
     */
    record Timeouts(@NotNull Duration connect, @NotNull Duration read, @NotNull Duration write,
                    @NotNull Duration finalReply) {

        @AssertTrue(message = "SMTP timeouts must be positive")
        boolean isPositive() {
            return positive(connect) && positive(read) && positive(write) && positive(finalReply);
        }

        /** The longest one message can take: connect, a few commands each within the read timeout, the final reply. */
        Duration worstSend() {
            return connect.plus(read.multipliedBy(5)).plus(write).plus(finalReply.compareTo(read) > 0 ? finalReply : read);
        }
    }

    /**
     * @param lease         how long a relay holds a notification it is sending; must outlast one send
     * @param takeoverAfter a notification is sent by the node that wrote it; other nodes take it over
     *                      once it is this old (a node that died leaves nothing behind for long)
     */
    record Relay(boolean enabled, @NotNull Duration pollInterval, @Min(1) @Max(1000) int batchSize,
                 @Min(1) @Max(100) int maxAttempts, @NotNull Duration initialBackoff, @NotNull Duration maxBackoff,
                 @NotNull Duration lease, @NotNull Duration takeoverAfter) {

        @AssertTrue(message = "poll-interval, initial-backoff, max-backoff and lease must be positive")
        boolean isPositive() {
            return positive(pollInterval) && positive(initialBackoff) && positive(maxBackoff) && positive(lease)
                    && takeoverAfter != null && !takeoverAfter.isNegative();
        }
    }

    /**
     * Deadline reminders of every user task with a due date (no element in any model).
     *
     * @param blueBefore 蓝色提醒: working days before the due date
     * @param redAfter   红色督办: working days after the due date (also to supervision)
     * @param steps      processes or steps that keep fewer levels
     */
    record Reminders(boolean enabled, @Min(0) @Max(30) int blueBefore, @Min(1) @Max(30) int redAfter,
                     @NotNull @Valid List<StepReminders> steps) {

        Reminders {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * @param process a process definition key
     * @param step    a user task id of it; none = every step of the process
     * @param levels  the reminders it keeps, possibly none
     */
    record StepReminders(@NotBlank String process, String step, @NotNull List<ReminderLevel> levels) {
    }

    /** Demo profile only: an in-process SMTP server on the loopback interface (port 0 = any free port). */
    record DemoCatcher(boolean enabled, @Min(0) @Max(65535) int port) {
    }

    @AssertTrue(message = "relay.lease must outlast one send: connect + 5 × read + write + final-reply timeouts")
    boolean isLeaseLongerThanOneSend() {
        return timeouts == null || relay == null || !timeouts.isPositive() || relay.lease() == null
                || relay.lease().compareTo(timeouts.worstSend()) > 0;
    }

    boolean redirecting() {
        return redirectAllTo != null && !redirectAllTo.isBlank();
    }

    private static boolean positive(Duration duration) {
        return duration != null && !duration.isNegative() && !duration.isZero();
    }
}
