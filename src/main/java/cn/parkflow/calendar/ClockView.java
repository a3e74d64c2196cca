package cn.parkflow.calendar;

import java.time.Instant;
import java.util.List;

/**
 * A statutory clock as the case shows it: the original deadline, the days paused, each pause and
 * extension with its reason, and the current deadline.
 *
 * @param currentDeadline while paused, the deadline as it stood when the pause began; it moves on resume
 * @param provisional     true if the clock crosses a year without official holiday data
 * @param stoppedAt       when the decision it timed was taken; null while it still counts
 */
public record ClockView(String caseNumber, Instant startedAt, int limit, DayUnit unit, Instant originalDeadline,
                        int pausedDays, int extensionDays, Instant currentDeadline, boolean paused,
                        boolean provisional, List<Pause> pauses, List<Extension> extensions,
                        Instant stoppedAt) {

    /** @param days days that did not count, in the clock's unit; null while the pause runs */
    public record Pause(String reason, Instant pausedAt, String pausedBy, Instant resumedAt, String resumedBy,
                        Integer days) {
    }

    public record Extension(int days, String reason, String approver, Instant extendedAt) {
    }
}
