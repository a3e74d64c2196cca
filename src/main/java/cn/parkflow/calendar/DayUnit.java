package cn.parkflow.calendar;

/** The unit of a statutory limit; pauses and extensions of a clock count in the same unit. */
public enum DayUnit {
    /** 工作日: the start day is not counted. */
    WORKING("个工作日"),
    /** 日 (calendar days): a deadline that ends on a non-working day rolls to the next working day. */
    CALENDAR("日"),
    /**
     * 月 (calendar months, 民法典 第二百零二条): the deadline is the day of the last month that
     * corresponds to the start day, or that month's last day when it has none (started 1月31日,
     * one month ends 2月28日), rolled forward to a working day. Extensions count in months; pauses
     * in calendar days.
     */
    MONTH("个月");

    private final String label;

    DayUnit(String label) {
        this.label = label;
    }

    /** For messages: {@code 15 个工作日}, {@code 90 日}. */
    public String describe(int days) {
        return days + " " + label;
    }

    /** Paused days in words: a month clock's pauses are counted in calendar days. */
    public String describePaused(int days) {
        return (this == MONTH ? CALENDAR : this).describe(days);
    }
}
