package cn.parkflow.calendar;

import java.util.List;

/**
 * A year's holiday data as written in {@code calendar/holidays-<year>.json} and sent to
 * {@code PUT /api/calendar/years/{year}}: dates as {@code yyyy-MM-dd} strings, so that a bad
 * date is reported by value rather than as unreadable JSON.
 */
record YearDocument(Integer year, String notice, List<String> holidays, List<String> makeUpWorkingDays) {

    static YearDocument of(HolidayYear year) {
        return new YearDocument(year.year(), year.notice(),
                year.holidays().stream().map(Object::toString).toList(),
                year.makeUpWorkingDays().stream().map(Object::toString).toList());
    }

    /** Checks the data for {@code year}; a year in the body, if given, must agree with it. */
    HolidayYear toHolidayYear(int expectedYear) {
        if (year != null && year != expectedYear) {
            throw new IllegalArgumentException("year: 数据中的年份 " + year + " 与地址中的年份 " + expectedYear + " 不一致");
        }
        return HolidayYear.parse(expectedYear, notice, holidays, makeUpWorkingDays);
    }
}
