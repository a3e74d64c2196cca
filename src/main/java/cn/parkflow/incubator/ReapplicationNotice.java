package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZonedDateTime;

/**
 * When the holder of a certificate hears that it must apply again: 3 months before the certificate
 * runs out, at 09:00 Shanghai time [proposal]. The evaluation started in a round sends every notice
 * that falls before the next round (1 March); a notice whose moment has already passed when an
 * evaluation starts (no earlier evaluation covered it) goes out at once, never a year late.
 */
record ReapplicationNotice(LocalDate day) {

    static final int MONTHS_BEFORE_EXPIRY = 3;
    static final int HOUR = 9;
    /** The day the yearly round opens (incubator-annual-evaluation-round's timer). */
    static final MonthDay ROUND_OPENS = MonthDay.of(3, 1);

    static ReapplicationNotice of(LocalDate validUntil) {
        return new ReapplicationNotice(validUntil.minusMonths(MONTHS_BEFORE_EXPIRY));
    }

    ZonedDateTime moment() {
        return day.atTime(HOUR, 0).atZone(EngineClock.ZONE);
    }

    /** True when an evaluation starting on {@code today} must send this notice (before the next round opens). */
    boolean dueBeforeNextRound(LocalDate today) {
        LocalDate thisYearsRound = ROUND_OPENS.atYear(today.getYear());
        LocalDate nextRound = today.isBefore(thisYearsRound) ? thisYearsRound : thisYearsRound.plusYears(1);
        return day.isBefore(nextRound);
    }
}
