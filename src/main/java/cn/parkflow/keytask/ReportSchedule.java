package cn.parkflow.keytask;

import cn.parkflow.calendar.WorkingDayCalendar;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * When reports fall due in a year (DOMAIN.md §6), on the working-day calendar: a quarterly report
 * {@code quarterlyReportDays} working days after the quarter end, cooperating departments' input two
 * working days before it, a key item's monthly report by the 5th (rolled to the next working day).
 * The fourth quarter's report falls due in January, alongside the year-end self-assessment.
 */
class ReportSchedule {

    private final WorkingDayCalendar calendar;
    private final KeyTaskProperties properties;

    ReportSchedule(WorkingDayCalendar calendar, KeyTaskProperties properties) {
        this.calendar = calendar;
        this.properties = properties;
    }

    static LocalDate quarterEnd(int year, int quarter) {
        return YearMonth.of(year, quarter * 3).atEndOfMonth();
    }

    LocalDate quarterlyDue(int year, int quarter) {
        return calendar.addWorkingDays(quarterEnd(year, quarter), properties.quarterlyReportDays());
    }

    LocalDate cooperationDue(int year, int quarter) {
        return calendar.addWorkingDays(quarterlyDue(year, quarter), -properties.cooperationLeadDays());
    }

    /** The monthly report for the month before {@code month}: by the configured day of {@code month}, rolled. */
    LocalDate monthlyDue(YearMonth month) {
        return calendar.addCalendarDays(month.atDay(properties.monthlyReportDay()), 0);
    }

    /** The item's own deadlines and the due dates of its reports within the year, in order. */
    List<LocalDate> deadlines(KeyTaskEntry entry, int year) {
        List<LocalDate> deadlines = new ArrayList<>();
        entry.milestones().forEach(m -> deadlines.add(m.date()));
        deadlines.add(entry.deadline());
        for (int quarter = 1; quarter <= 3; quarter++) {
            deadlines.add(quarterlyDue(year, quarter));
        }
        if (entry.keyItem()) {
            for (int month = 2; month <= 12; month++) {
                deadlines.add(monthlyDue(YearMonth.of(year, month)));
            }
        }
        return deadlines.stream().distinct().sorted().toList();
    }

    /** Year-end self-assessment opens on the configured day of December (mid-December). */
    LocalDate selfAssessmentOpens(int year) {
        return calendar.addCalendarDays(LocalDate.of(year, 12, properties.selfAssessmentDay()), 0);
    }

    /** The assessment (January–February) is due by the end of February of the following year, rolled. */
    LocalDate assessmentDue(int year) {
        return calendar.addCalendarDays(YearMonth.of(year + 1, 2).atEndOfMonth(), 0);
    }

    /** The list is drafted by the end of February of its year, rolled to a working day. */
    LocalDate draftDue(int year) {
        return calendar.addCalendarDays(YearMonth.of(year, 2).atEndOfMonth(), 0);
    }

    WorkingDayCalendar calendar() {
        return calendar;
    }
}
