package cn.parkflow.calendar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable snapshot of the loaded holiday years, laid out as one flag per day from the first
 * loaded year to the last, so that a working-day question is an array look-up, not a set search.
 * Days outside the loaded years follow Monday–Friday. Replaced as a whole when data changes.
 */
final class CalendarTable {

    /** 1969-12-29 (epoch day -3) was a Monday: shifting by 3 makes day-of-week arithmetic start on Monday. */
    private static final long MONDAY_SHIFT = 3;

    private final Map<Integer, HolidayYear> years;
    private final long firstDay;
    private final boolean[] working;
    /** adjustment[i] = working days in [firstDay, firstDay + i) minus the Monday–Friday days in that span. */
    private final int[] adjustment;

    CalendarTable(Collection<HolidayYear> loaded) {
        TreeMap<Integer, HolidayYear> byYear = new TreeMap<>();
        loaded.forEach(year -> byYear.put(year.year(), year));
        this.years = java.util.Collections.unmodifiableMap(byYear);
        if (byYear.isEmpty()) {
            firstDay = 0;
            working = new boolean[0];
            adjustment = new int[1];
            return;
        }
        firstDay = LocalDate.of(byYear.firstKey(), 1, 1).toEpochDay();
        long end = LocalDate.of(byYear.lastKey() + 1, 1, 1).toEpochDay();
        working = new boolean[(int) (end - firstDay)];
        for (int i = 0; i < working.length; i++) {
            working[i] = isWeekday(firstDay + i);
        }
        for (HolidayYear year : byYear.values()) {
            year.holidays().forEach(day -> working[index(day)] = false);
            year.makeUpWorkingDays().forEach(day -> working[index(day)] = true);
        }
        adjustment = new int[working.length + 1];
        for (int i = 0; i < working.length; i++) {
            adjustment[i + 1] = adjustment[i] + (working[i] ? 1 : 0) - (isWeekday(firstDay + i) ? 1 : 0);
        }
    }

    Map<Integer, HolidayYear> years() {
        return years;
    }

    boolean hasData(int year) {
        return years.containsKey(year);
    }

    boolean isWorking(long epochDay) {
        long i = epochDay - firstDay;
        return i >= 0 && i < working.length ? working[(int) i] : isWeekday(epochDay);
    }

    /**
     * Working days in [origin, epochDay) for a fixed, arbitrary origin: differences of two values
     * count the working days between them in constant time, whatever the span.
     */
    long cumulative(long epochDay) {
        long i = Math.max(0, Math.min(epochDay - firstDay, working.length));
        return weekdaysBefore(epochDay) + adjustment[(int) i];
    }

    private int index(LocalDate day) {
        return (int) (day.toEpochDay() - firstDay);
    }

    static boolean isWeekday(long epochDay) {
        return Math.floorMod(epochDay + MONDAY_SHIFT, 7) < 5;
    }

    /** Monday–Friday days in [1969-12-29, epochDay), negative before it. */
    private static long weekdaysBefore(long epochDay) {
        long shifted = epochDay + MONDAY_SHIFT;
        return Math.floorDiv(shifted, 7) * 5 + Math.min(Math.floorMod(shifted, 7), 5);
    }
}
