package cn.parkflow.supervision;

import java.time.Instant;

/**
 * An open step's or a running statutory clock's deadline, as the overdue list shows it.
 *
 * @param kind               TASK (a step) or CLOCK (the statutory clock of the case)
 * @param workingDaysOverdue positive: working days past the deadline; negative: working days left
 */
record OpenDeadline(String kind, String taskId, String caseNumber, String processKey, String processName,
                    String step, String department, String departmentName, String assignee, Instant due,
                    int workingDaysOverdue, Colour colour) {

    static final String TASK = "TASK";
    static final String CLOCK = "CLOCK";
    /** The step shown for a statutory clock. */
    static final String CLOCK_STEP = "法定办理期限";

    String colourLabel() {
        return colour == null ? "" : colour.label();
    }
}
