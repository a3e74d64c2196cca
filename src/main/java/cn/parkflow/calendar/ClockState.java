package cn.parkflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The facts of one statutory clock and the arithmetic on them. The deadline is never stored as
 * the truth: it is recomputed from the start, the limit, the closed pauses and the extensions,
 * so no sequence of pauses and resumes can drift it.
 *
 * @param pausedDays    days of closed pauses that do not count, in {@code unit} (calendar days for a month clock)
 * @param extensionDays days granted by extensions, in {@code unit} (months for a month clock)
 * @param pausedAt      when the running pause began; null while the clock runs
 */
record ClockState(String caseNumber, Instant startedAt, int limit, DayUnit unit, int pausedDays,
                  int extensionDays, Instant pausedAt) {

    boolean isPaused() {
        return pausedAt != null;
    }

    LocalDate originalDue(WorkingDayCalendar calendar) {
        return due(calendar, limit, 0);
    }

    /** While paused: the deadline as it stood when the pause began (as if resumed the same day). */
    LocalDate currentDue(WorkingDayCalendar calendar) {
        return due(calendar, limit + extensionDays, pausedDays);
    }

    /**
     * Days of a pause that do not count: those after the day it began, up to and including the
     * day it ended. The day of the pause was worked on; the day of resumption starts the clock
     * again and, like any start day, is not counted. So a pause and resume on one day costs nothing.
     */
    int pausedDays(WorkingDayCalendar calendar, Instant from, Instant to) {
        LocalDate first = calendar.dateOf(from);
        LocalDate last = calendar.dateOf(to);
        int days = unit == DayUnit.WORKING
                ? calendar.workingDaysBetween(first, last)
                : Math.toIntExact(ChronoUnit.DAYS.between(first, last));
        return Math.max(0, days); // a clock set back (tests, a skewed node) must not shorten the limit
    }

    ClockState pausedAt(Instant moment) {
        return new ClockState(caseNumber, startedAt, limit, unit, pausedDays, extensionDays, moment);
    }

    ClockState resumed(int days) {
        return new ClockState(caseNumber, startedAt, limit, unit, pausedDays + days, extensionDays, null);
    }

    ClockState extended(int days) {
        return new ClockState(caseNumber, startedAt, limit, unit, pausedDays, extensionDays + days, pausedAt);
    }

    boolean isProvisional(WorkingDayCalendar calendar) {
        return calendar.isProvisional(calendar.dateOf(startedAt), currentDue(calendar));
    }

    private LocalDate due(WorkingDayCalendar calendar, int granted, int paused) {
        LocalDate start = calendar.dateOf(startedAt);
        return switch (unit) {
            case WORKING -> calendar.addWorkingDays(start, granted + paused);
            case CALENDAR -> calendar.addCalendarDays(start, granted + paused);
            // plusMonths gives the corresponding day, or the month's last day when there is none
            case MONTH -> calendar.addCalendarDays(start.plusMonths(granted), paused);
        };
    }
}
