package cn.parkflow.keytask;

import cn.parkflow.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The facts behind an item's colour, from its entry, its last report and the calendar. The schedule
 * (序时进度) runs through the item's milestones; an item without milestones is expected to progress
 * linearly from 1 January to its deadline [proposal]. The thresholds that turn facts into a colour
 * live in the DMN table, not here.
 */
class ColourRules {

    /** Far enough to mean "no deadline ahead" in the decision table. */
    static final int NO_DEADLINE_AHEAD = 999;

    private final ReportSchedule schedule;

    ColourRules(ReportSchedule schedule) {
        this.schedule = schedule;
    }

    /** The percentage the schedule expects by the end of {@code day}. */
    static int expectedPercent(KeyTaskEntry entry, int year, LocalDate day) {
        List<Milestone> points = new ArrayList<>();
        points.add(new Milestone(LocalDate.of(year, 1, 1), 0));
        points.addAll(entry.milestones());
        if (entry.milestones().isEmpty() || entry.milestones().get(entry.milestones().size() - 1).date().isBefore(entry.deadline())) {
            points.add(new Milestone(entry.deadline(), 100));
        }
        if (!day.isAfter(points.get(0).date())) {
            return 0;
        }
        for (int i = 1; i < points.size(); i++) {
            Milestone from = points.get(i - 1);
            Milestone to = points.get(i);
            if (!day.isAfter(to.date())) {
                long span = ChronoUnit.DAYS.between(from.date(), to.date());
                long gone = ChronoUnit.DAYS.between(from.date(), day);
                return (int) Math.floor(from.percent() + (to.percent() - from.percent()) * (double) gone / span);
            }
        }
        return 100;
    }

    /**
     * @param percentDone     the last reported percentage
     * @param lastReportLate  whether the last report came after its due date
     * @param openReportOverdue whether a report is open past its due date now
     */
    ColourFacts facts(KeyTaskEntry entry, int year, int percentDone, boolean lastReportLate, boolean openReportOverdue,
                      Instant now) {
        WorkingDayCalendar calendar = schedule.calendar();
        LocalDate today = calendar.dateOf(now);
        boolean overdue = passed(entry.deadline(), now) && percentDone < 100;
        boolean milestoneMissed = entry.milestones().stream().anyMatch(m -> passed(m.date(), now) && percentDone < m.percent());
        int expected = expectedPercent(entry, year, today);
        LocalDate next = schedule.deadlines(entry, year).stream().filter(d -> !passed(d, now)).findFirst().orElse(null);
        int toDeadline = next == null ? NO_DEADLINE_AHEAD : calendar.workingDaysBetween(today, next);
        return new ColourFacts(overdue, milestoneMissed, lastReportLate || openReportOverdue, expected,
                expected - percentDone, toDeadline, next);
    }

    /**
     * The next moment the colour may change by time alone: the next working day's start (08:30), when
     * a deadline comes one working day closer (蓝 counts working days), or one minute after a deadline
     * passes that day (黄 or 红), whichever is first. The thresholds stay in the decision table.
     */
    Instant nextCheck(KeyTaskEntry entry, int year, Instant now) {
        WorkingDayCalendar calendar = schedule.calendar();
        LocalDate today = calendar.dateOf(now);
        Instant next = calendar.addWorkingDays(today, 1).atTime(8, 30).atZone(calendar.zone()).toInstant();
        for (LocalDate deadline : schedule.deadlines(entry, year)) {
            Instant after = calendar.deadlineOf(deadline).toInstant().plusSeconds(60);
            if (after.isAfter(now) && after.isBefore(next)) {
                next = after;
            }
        }
        return next;
    }

    private boolean passed(LocalDate deadline, Instant now) {
        return now.isAfter(schedule.calendar().deadlineOf(deadline).toInstant());
    }
}
