package cn.parkflow.calendar;

/** The unit of a statutory limit; pauses and extensions of a clock count in the same unit. */
public enum DayUnit {
    /** 工作日: the start day is not counted. */
    WORKING("个工作日"),
    /** 日 (calendar days): a deadline that ends on a non-working day rolls to the next working day. */
    CALENDAR("日");

    private final String label;

    DayUnit(String label) {
        this.label = label;
    }

    /** For messages: {@code 15 个工作日}, {@code 90 日}. */
    public String describe(int days) {
        return days + " " + label;
    }
}
