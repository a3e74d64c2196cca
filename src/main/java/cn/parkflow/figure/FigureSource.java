package cn.parkflow.figure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Set;

/**
 * A figure a process keeps in its own register, offered to other processes by code without
 * exposing the register: e.g. {@code HIGH_QUALITY_INCUBATORS} for a year. A reader collects every
 * {@code FigureSource} bean and asks the one that {@link #codes() declares} the code.
 */
public interface FigureSource {

    /** The figure codes this source measures. */
    Set<String> codes();

    /** The figure {@code code} for {@code year}, as the register holds it today. */
    BigDecimal valueFor(String code, int year);

    /**
     * The figure {@code code} for the year of {@code day} as the register's history gives it up to
     * that day (e.g. a quarter's end), for a chart by quarter; null when the source keeps no history.
     */
    default BigDecimal valueUpTo(String code, LocalDate day) {
        return null;
    }

    /**
     * The figure at the end of each quarter 1–4 of {@code year} ({@link #valueUpTo}), up to
     * {@code today} in the current quarter, null for a quarter that has not begun.
     */
    default List<BigDecimal> quarterly(String code, int year, LocalDate today) {
        List<BigDecimal> values = new ArrayList<>();
        for (int month : new int[] {3, 6, 9, 12}) {
            LocalDate end = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastDayOfMonth());
            boolean begun = !LocalDate.of(year, month - 2, 1).isAfter(today);
            values.add(begun ? valueUpTo(code, end.isAfter(today) ? today : end) : null);
        }
        return values;
    }
}
