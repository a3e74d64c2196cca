package cn.parkflow.incubator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Stand-in for the calendar kernel's {@code workdays} bean in engine tests: 2026 official data of
 * DOMAIN.md §2 (holidays and make-up working days), deadlines at 17:30 Shanghai time.
 */
public class TestWorkdays {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final LocalTime END_OF_OFFICE = LocalTime.of(17, 30);
    private static final Set<LocalDate> HOLIDAYS = dates("2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17",
            "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04",
            "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06",
            "2026-10-07");
    private static final Set<LocalDate> MAKE_UP_DAYS = dates("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
            "2026-09-20", "2026-10-10");

    public Date after(int workingDays) {
        return after(workingDays, ClockUtil.getCurrentTime());
    }

    public Date after(int workingDays, Date from) {
        LocalDate day = LocalDate.ofInstant(from.toInstant(), SHANGHAI);
        for (int counted = 0; counted < workingDays; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return at(day);
    }

    public Date calendarDays(int days) {
        LocalDate day = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI).plusDays(days);
        while (!isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return at(day);
    }

    static boolean isWorkingDay(LocalDate day) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        return MAKE_UP_DAYS.contains(day) || (!weekend && !HOLIDAYS.contains(day));
    }

    static Date at(LocalDate day) {
        return Date.from(day.atTime(END_OF_OFFICE).atZone(SHANGHAI).toInstant());
    }

    static Date at(String isoDateTime) {
        return Date.from(java.time.LocalDateTime.parse(isoDateTime).atZone(SHANGHAI).toInstant());
    }

    private static Set<LocalDate> dates(String... days) {
        return Stream.of(days).map(LocalDate::parse).collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
