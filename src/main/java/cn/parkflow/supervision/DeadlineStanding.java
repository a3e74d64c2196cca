package cn.parkflow.supervision;

import cn.parkflow.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * Where a deadline stands today in working days (China's holiday calendar): positive = working
 * days overdue (a deadline passed earlier today is 0 days overdue but passed), negative = working
 * days left, and its colour; no colour while more than the due-soon days are left.
 */
@Component
class DeadlineStanding {

    private final WorkingDayCalendar calendar;
    private final SupervisionProperties properties;

    DeadlineStanding(WorkingDayCalendar calendar, SupervisionProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    Standing of(Instant due, Instant now) {
        LocalDate dueDay = calendar.dateOf(due);
        LocalDate today = calendar.dateOf(now);
        if (now.isAfter(due)) {
            int overdue = Math.max(0, calendar.workingDaysBetween(dueDay, today));
            return new Standing(overdue, overdue >= properties.redAfterWorkingDays() ? Colour.RED : Colour.YELLOW);
        }
        int left = Math.max(0, calendar.workingDaysBetween(today, dueDay));
        return new Standing(-left, left <= properties.dueSoonWorkingDays() ? Colour.BLUE : null);
    }

    /**
     * The first moment whose deadlines have no colour yet as of {@code now}: the start of the
     * (due-soon + 1)-th working day after today. Everything due before it is 蓝, 黄 or 红, so the
     * board's queries read only those rows.
     */
    Instant colourlessFrom(Instant now) {
        LocalDate first = calendar.addWorkingDays(calendar.dateOf(now), properties.dueSoonWorkingDays() + 1);
        return first.atStartOfDay(calendar.zone()).toInstant();
    }

    /** @param colour null when the deadline is neither near nor passed */
    record Standing(int workingDaysOverdue, Colour colour) {
    }
}
