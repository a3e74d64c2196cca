package cn.parkflow.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Optional;

/**
 * China's official working-day calendar (DOMAIN.md §2): Monday–Friday unless an official
 * holiday, plus weekend make-up working days. Years without holiday data follow Monday–Friday;
 * ask {@link #isProvisional} whether a result touched such a year.
 *
 * <p>Thread-safe: the holiday data is an immutable table swapped as a whole when an admin loads a
 * year, so every call sees one consistent version. For process tests without Spring, use
 * {@link #bundled()}.
 */
public class WorkingDayCalendar {

    public static final LocalTime DEFAULT_OFFICE_HOURS_END = LocalTime.of(17, 30);

    private final LocalTime officeHoursEnd;
    private final ZoneId zone;
    private volatile CalendarTable table;

    public WorkingDayCalendar(Collection<HolidayYear> years, LocalTime officeHoursEnd, ZoneId zone) {
        this.officeHoursEnd = officeHoursEnd;
        this.zone = zone;
        this.table = new CalendarTable(years);
    }

    /** The holiday files shipped with the application, office hours ending 17:30 Asia/Shanghai. */
    public static WorkingDayCalendar bundled() {
        return new WorkingDayCalendar(HolidayFiles.bundled(), DEFAULT_OFFICE_HOURS_END, EngineClock.ZONE);
    }

    public boolean isWorkingDay(LocalDate date) {
        return table.isWorking(date.toEpochDay());
    }

    /**
     * The Nth working day after {@code date}; the start day is not counted, so it need not be a
     * working day itself. Zero returns {@code date}; a negative N counts backwards (e.g. a
     * reminder 5 working days before a deadline).
     */
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        CalendarTable snapshot = table;
        long day = date.toEpochDay();
        int step = workingDays >= 0 ? 1 : -1;
        for (long left = Math.abs((long) workingDays); left > 0; ) {
            day += step;
            if (snapshot.isWorking(day)) {
                left--;
            }
        }
        return LocalDate.ofEpochDay(day);
    }

    /**
     * Working days after {@code from} up to and including {@code to}, so that
     * {@code workingDaysBetween(d, addWorkingDays(d, n)) == n}; negative when {@code to} is earlier.
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        CalendarTable snapshot = table;
        return Math.toIntExact(snapshot.cumulative(to.toEpochDay() + 1) - snapshot.cumulative(from.toEpochDay() + 1));
    }

    /** {@code date} plus N calendar days; if that is not a working day, the next working day (法定期限顺延). */
    public LocalDate addCalendarDays(LocalDate date, int days) {
        CalendarTable snapshot = table;
        long day = date.toEpochDay() + days;
        while (!snapshot.isWorking(day)) {
            day++;
        }
        return LocalDate.ofEpochDay(day);
    }

    /** The moment a deadline on {@code date} passes: the end of office hours that day. */
    public ZonedDateTime deadlineOf(LocalDate date) {
        return date.atTime(officeHoursEnd).atZone(zone);
    }

    /** The calendar date of a moment in the administration's time zone. */
    public LocalDate dateOf(Instant moment) {
        return moment.atZone(zone).toLocalDate();
    }

    /** True when some year from {@code a} to {@code b} (either order) has no holiday data. */
    public boolean isProvisional(LocalDate a, LocalDate b) {
        CalendarTable snapshot = table;
        int first = Math.min(a.getYear(), b.getYear());
        int last = Math.max(a.getYear(), b.getYear());
        for (int year = first; year <= last; year++) {
            if (!snapshot.hasData(year)) {
                return true;
            }
        }
        return false;
    }

    public Optional<HolidayYear> year(int year) {
        return Optional.ofNullable(table.years().get(year));
    }

    public ZoneId zone() {
        return zone;
    }

    /** Swaps in a new set of years; callers see either the old or the new table, never a mix. */
    void replaceYears(Collection<HolidayYear> years) {
        table = new CalendarTable(years);
    }

    Collection<HolidayYear> years() {
        return table.years().values();
    }
}
