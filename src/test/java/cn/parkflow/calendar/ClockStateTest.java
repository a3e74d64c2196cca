package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** Pause, resume and extension arithmetic of a statutory clock, on the bundled 2025/2026 data. */
class ClockStateTest {

    private final WorkingDayCalendar calendar = WorkingDayCalendar.bundled();

    @Test
    void shouldNotCountTheWorkingDaysOfAPauseThatSpansNationalDay() {
        // given: received Thu 2026-09-24, 5 working days (09-25 is 中秋): due Fri 10-09
        ClockState clock = new ClockState("IP-2026-0001", at("2026-09-24T10:00"), 5, DayUnit.WORKING, 0, 0, null);
        assertThat(clock.originalDue(calendar)).isEqualTo(LocalDate.of(2026, 10, 9));

        // when: paused for 补正 on Tue 09-29, resumed Mon 10-12
        ClockState paused = clock.pausedAt(at("2026-09-29T09:00"));
        int days = paused.pausedDays(calendar, paused.pausedAt(), at("2026-10-12T10:00"));
        ClockState resumed = paused.resumed(days);

        // then: 09-30, 10-08, 10-09, 10-10 (调休上班) and 10-12 do not count; the holiday week costs nothing
        assertThat(days).isEqualTo(5);
        assertThat(resumed.currentDue(calendar)).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(resumed.originalDue(calendar)).isEqualTo(LocalDate.of(2026, 10, 9));
        assertThat(resumed.isPaused()).isFalse();
    }

    @Test
    void shouldCostNothingToPauseAndResumeOnTheSameDay() {
        ClockState clock = new ClockState("X", at("2026-03-02T09:00"), 10, DayUnit.WORKING, 0, 0, null)
                .pausedAt(at("2026-03-04T09:00"));

        assertThat(clock.pausedDays(calendar, clock.pausedAt(), at("2026-03-04T16:00"))).isZero();
    }

    @Test
    void shouldKeepTheDeadlineAsItStoodWhilePaused() {
        ClockState clock = new ClockState("X", at("2026-03-02T09:00"), 10, DayUnit.WORKING, 0, 0, null);

        assertThat(clock.pausedAt(at("2026-03-05T09:00")).currentDue(calendar)).isEqualTo(clock.currentDue(calendar));
    }

    @Test
    void shouldAddExtensionsAndPausesInWorkingDays() {
        // 15 working days from Mon 2026-04-27: 05-01..05-05 off, Sat 05-09 works -> 05-20
        ClockState clock = new ClockState("X", at("2026-04-27T09:00"), 15, DayUnit.WORKING, 0, 0, null);
        assertThat(clock.originalDue(calendar)).isEqualTo(LocalDate.of(2026, 5, 20));

        ClockState later = clock.extended(15).resumed(3);

        assertThat(later.currentDue(calendar)).isEqualTo(calendar.addWorkingDays(LocalDate.of(2026, 5, 20), 18));
        assertThat(later.currentDue(calendar)).isEqualTo(LocalDate.of(2026, 6, 15));
    }

    @Test
    void shouldCountACalendarDayClockInCalendarDaysAndRollItsEndForward() {
        // 90 days from 2026-07-02 is Wed 09-30: a working day
        ClockState clock = new ClockState("X", at("2026-07-02T09:00"), 90, DayUnit.CALENDAR, 0, 0, null);
        assertThat(clock.originalDue(calendar)).isEqualTo(LocalDate.of(2026, 9, 30));

        // paused from 07-10 to 07-13: 3 calendar days do not count -> raw end 10-03 (国庆) rolls to 10-08
        ClockState paused = clock.pausedAt(at("2026-07-10T09:00"));
        int days = paused.pausedDays(calendar, paused.pausedAt(), at("2026-07-13T09:00"));

        assertThat(days).isEqualTo(3);
        assertThat(paused.resumed(days).currentDue(calendar)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    @Test
    void shouldFlagAClockRunningIntoAYearWithoutDataAsProvisional() {
        ClockState clock = new ClockState("X", at("2026-12-15T09:00"), 20, DayUnit.WORKING, 0, 0, null);

        assertThat(clock.currentDue(calendar).getYear()).isEqualTo(2027);
        assertThat(clock.isProvisional(calendar)).isTrue();
        assertThat(new ClockState("X", at("2026-11-02T09:00"), 20, DayUnit.WORKING, 0, 0, null)
                .isProvisional(calendar)).isFalse();
    }

    @Test
    void shouldTakeTheStartDayInShanghaiNotInUtc() {
        // 2026-09-30T20:00Z is already Thu 10-01 in Shanghai (a holiday): 1 working day -> 10-08
        ClockState clock = new ClockState("X", Instant.parse("2026-09-30T20:00:00Z"), 1, DayUnit.WORKING, 0, 0, null);

        assertThat(clock.originalDue(calendar)).isEqualTo(LocalDate.of(2026, 10, 8));
    }

    private static Instant at(String shanghaiLocal) {
        return ZonedDateTime.parse(shanghaiLocal + "+08:00[Asia/Shanghai]").toInstant();
    }
}
