package cn.parkflow.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One year of the State Council's holiday notice: the weekday holidays (not working) and the
 * weekend make-up working days (调休上班). Weekend holidays need not be listed; listing them
 * changes nothing.
 */
public record HolidayYear(int year, String notice, SortedSet<LocalDate> holidays,
                          SortedSet<LocalDate> makeUpWorkingDays) {

    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2100;

    public HolidayYear {
        holidays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(holidays));
        makeUpWorkingDays = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(makeUpWorkingDays));
    }

    /**
     * Parses and checks a year's data as an admin or a file gives it. Every error names the
     * offending date, so whoever types in next year's notice can fix it.
     *
     * @throws IllegalArgumentException listing every bad value
     */
    public static HolidayYear parse(int year, String notice, Collection<String> holidays,
                                    Collection<String> makeUpWorkingDays) {
        requireSupportedYear(year);
        List<String> errors = new ArrayList<>();
        if (notice != null && notice.length() > 300) {
            errors.add("notice: 通知名称不能超过300个字符");
        }
        SortedSet<LocalDate> off = dates(year, "holidays", "节假日", holidays, errors);
        SortedSet<LocalDate> on = dates(year, "makeUpWorkingDays", "调休上班日", makeUpWorkingDays, errors);
        for (LocalDate day : on) {
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                errors.add("makeUpWorkingDays: " + day + " 不是周末，不能作为调休上班日");
            }
            if (off.contains(day)) {
                errors.add(day + " 不能同时是节假日和调休上班日");
            }
        }
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", errors));
        }
        return new HolidayYear(year, notice, off, on);
    }

    static void requireSupportedYear(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException("year: 年份必须在 " + FIRST_YEAR + " 至 " + LAST_YEAR + " 之间");
        }
    }

    private static SortedSet<LocalDate> dates(int year, String field, String label, Collection<String> values,
                                              List<String> errors) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        if (values == null) {
            errors.add(field + ": 缺少" + label + "列表（没有时请给出空列表）");
            return dates;
        }
        for (String value : values) {
            LocalDate date;
            try {
                date = LocalDate.parse(String.valueOf(value));
            } catch (DateTimeParseException e) {
                errors.add(field + ": “" + value + "”不是有效日期（格式 yyyy-MM-dd）");
                continue;
            }
            if (date.getYear() != year) {
                errors.add(field + ": " + date + " 不在 " + year + " 年内");
            } else if (!dates.add(date)) {
                errors.add(field + ": " + date + " 重复");
            }
        }
        return dates;
    }
}
