package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The bundled data against DOMAIN.md §2, typed in here independently of the JSON files. */
class WorkingDayCalendarTest {

    private static final List<String> HOLIDAYS = List.of(
            "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31", "2025-02-03", "2025-02-04",
            "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01", "2025-10-02",
            "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08",
            "2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20",
            "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25",
            "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07");
    private static final List<String> MAKE_UP_DAYS = List.of(
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");

    private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

    @ParameterizedTest
    @ValueSource(ints = {2025, 2026})
    void shouldHave248WorkingDaysInEachYearWithData(int year) {
        LocalDate lastDayBefore = LocalDate.of(year - 1, 12, 31);
        long counted = LocalDate.of(year, 1, 1).datesUntil(LocalDate.of(year + 1, 1, 1))
                .filter(calendar::isWorkingDay).count();

        assertThat(counted).isEqualTo(248);
        assertThat(calendar.workingDaysBetween(lastDayBefore, LocalDate.of(year, 12, 31))).isEqualTo(248);
        assertThat(calendar.isProvisional(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))).isFalse();
    }

    @Test
    void shouldTreatEveryOfficialHolidayAsNonWorkingAndEveryMakeUpDayAsWorking() {
        HOLIDAYS.stream().map(LocalDate::parse).forEach(day -> {
            assertThat(day.getDayOfWeek().getValue()).as("%s is a weekday", day).isLessThanOrEqualTo(5);
            assertThat(calendar.isWorkingDay(day)).as("holiday %s", day).isFalse();
        });
        MAKE_UP_DAYS.stream().map(LocalDate::parse).forEach(day -> {
            assertThat(day.getDayOfWeek()).as("%s is a weekend day", day).isIn(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
            assertThat(calendar.isWorkingDay(day)).as("make-up day %s", day).isTrue();
        });
    }

    @Test
    void shouldFollowMondayToFridayOnEveryOtherDayOfBothYears() {
        LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2027, 1, 1))
                .filter(day -> !HOLIDAYS.contains(day.toString()) && !MAKE_UP_DAYS.contains(day.toString()))
                .forEach(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day)
                        .isEqualTo(day.getDayOfWeek().getValue() <= 5));
    }

    static Stream<Arguments> holidaySpans() {
        return Stream.of(
                Arguments.of("2025 春节", "2025-01-28", "2025-02-04"),
                Arguments.of("2025 国庆+中秋", "2025-10-01", "2025-10-08"),
                Arguments.of("2026 元旦", "2026-01-01", "2026-01-03"),
                Arguments.of("2026 春节", "2026-02-15", "2026-02-23"),
                Arguments.of("2026 劳动节", "2026-05-01", "2026-05-05"),
                Arguments.of("2026 端午", "2026-06-19", "2026-06-21"),
                Arguments.of("2026 中秋", "2026-09-25", "2026-09-27"),
                Arguments.of("2026 国庆", "2026-10-01", "2026-10-07"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("holidaySpans")
    void shouldHaveNoWorkingDayInsideAnOfficialHolidaySpan(String name, String first, String last) {
        LocalDate start = LocalDate.parse(first);
        LocalDate end = LocalDate.parse(last);

        assertThat(start.datesUntil(end.plusDays(1)).filter(calendar::isWorkingDay)).isEmpty();
        assertThat(calendar.workingDaysBetween(start.minusDays(1), end)).isZero();
        assertThat(calendar.isWorkingDay(end.plusDays(1)) || calendar.isWorkingDay(start.minusDays(1))).isTrue();
    }

    @Test
    void shouldCountFiveWorkingDaysAcrossNationalDay2026() {
        // 10-08 Thu, 10-09 Fri, 10-10 Sat (调休上班), 10-12 Mon, 10-13 Tue
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 13))).isEqualTo(5);
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 10, 13), -5)).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    @Test
    void shouldCountAcrossTheSpringFestivalIncludingItsMakeUpSaturdays() {
        // 2026: Fri 02-13, Sat 02-14 make-up, holiday 02-15..02-23, Tue 02-24 ... Sat 02-28 make-up
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1)).isEqualTo(LocalDate.of(2026, 2, 14));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1)).isEqualTo(LocalDate.of(2026, 2, 24));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 6)).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 7)).isEqualTo(LocalDate.of(2026, 3, 2));
        // 2025: Fri 01-24, Sun 01-26 make-up, Mon 01-27, holiday 01-28..02-04, Wed 02-05
        assertThat(calendar.addWorkingDays(LocalDate.of(2025, 1, 24), 3)).isEqualTo(LocalDate.of(2025, 2, 5));
        assertThat(calendar.workingDaysBetween(LocalDate.of(2025, 1, 24), LocalDate.of(2025, 2, 8))).isEqualTo(6);
    }

    @Test
    void shouldFallBackToMondayToFridayAndFlagProvisionalInAYearWithoutData() {
        // 2027 has no data: 2027-01-01 (a Friday, surely a holiday) counts as a working day, provisionally
        LocalDate result = calendar.addWorkingDays(LocalDate.of(2026, 12, 30), 5);

        assertThat(result).isEqualTo(LocalDate.of(2027, 1, 6));
        assertThat(calendar.isProvisional(LocalDate.of(2026, 12, 30), result)).isTrue();
        assertThat(calendar.isProvisional(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31))).isFalse();
        assertThat(calendar.isProvisional(LocalDate.of(2024, 12, 31), LocalDate.of(2025, 1, 2))).isTrue();
        assertThat(calendar.workingDaysBetween(LocalDate.of(2026, 12, 30), LocalDate.of(2027, 1, 6))).isEqualTo(5);
    }

    @Test
    void shouldRollACalendarDayDeadlineForwardPastNonWorkingDays() {
        // 09-25 is 中秋 (Fri), 09-26/27 weekend: rolls to Mon 09-28
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 9, 24), 1)).isEqualTo(LocalDate.of(2026, 9, 28));
        // a make-up Sunday is a working day: no roll
        assertThat(calendar.addCalendarDays(LocalDate.of(2025, 9, 21), 7)).isEqualTo(LocalDate.of(2025, 9, 28));
        assertThat(calendar.addCalendarDays(LocalDate.of(2026, 9, 1), 30)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void shouldPutTheDeadlineAtTheEndOfOfficeHoursInShanghai() {
        assertThat(calendar.deadlineOf(LocalDate.of(2026, 10, 13)))
                .isEqualTo(ZonedDateTime.parse("2026-10-13T17:30+08:00[Asia/Shanghai]"));
    }

    @Test
    void shouldAgreeBetweenAddingAndCountingForAnyStartAndLength() {
        Random random = new Random(20260930);
        for (int i = 0; i < 20_000; i++) {
            LocalDate start = LocalDate.of(2024, 6, 1).plusDays(random.nextInt(1000));
            int n = random.nextInt(121) - 60;
            LocalDate end = calendar.addWorkingDays(start, n);

            if (n >= 0) {
                assertThat(calendar.workingDaysBetween(start, end)).as("%s %+d", start, n).isEqualTo(n);
            } else if (calendar.isWorkingDay(start)) {
                // counting back is the inverse of counting forward between working days
                assertThat(calendar.addWorkingDays(end, -n)).as("%s %+d and back", start, n).isEqualTo(start);
                assertThat(calendar.workingDaysBetween(start, end)).as("%s %+d", start, n).isEqualTo(n);
            }
            if (n != 0) {
                assertThat(calendar.isWorkingDay(end)).as("%s %+d lands on a working day", start, n).isTrue();
            }
        }
    }
}
