package cn.parkflow.keytask;

import java.time.LocalDate;
import java.util.Map;

/**
 * What the colour decision ({@code key-task-colour.dmn}) reads about an item at a moment.
 *
 * @param scheduleGap            percentage points behind the pro-rata schedule (negative when ahead)
 * @param workingDaysToDeadline  working days to the next deadline (milestone, report due, the item's end)
 */
record ColourFacts(boolean overdue, boolean milestoneMissed, boolean reportLate, int expectedPercent, int scheduleGap,
                   int workingDaysToDeadline, LocalDate nextDeadline) {

    Map<String, Object> asVariables() {
        return Map.of("overdue", overdue, "milestoneMissed", milestoneMissed, "reportLate", reportLate,
                "scheduleGap", scheduleGap, "workingDaysToDeadline", workingDaysToDeadline);
    }
}
