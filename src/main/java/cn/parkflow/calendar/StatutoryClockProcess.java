package cn.parkflow.calendar;

/**
 * The kernel's own model {@code bpmn/statutory-clock.bpmn}: one instance per declared clock, with
 * the case number as business key. It waits for the clock's deadline (a timer tied to the clock),
 * flags the case and mails 红色督办 when it comes, ends when the clock stops, and lets the declared
 * group approve an extension while it runs.
 */
public final class StatutoryClockProcess {

    public static final String KEY = "statutory-clock";

    public static final String TIMER_DEADLINE = "Timer_DeadlineReached";
    public static final String TASK_APPROVE_EXTENSION = "Task_ApproveExtension";
    public static final String END_DEADLINE_EXPIRED = "EndEvent_DeadlineExpired";
    public static final String END_CLOCK_STOPPED = "EndEvent_ClockStopped";
    public static final String END_EXTENSION_GRANTED = "EndEvent_ExtensionGranted";
    public static final String END_EXTENSION_REFUSED = "EndEvent_ExtensionRefused";

    /** Ends the instance: the decision the clock timed has been taken. */
    public static final String MESSAGE_STOPPED = "StatutoryClockStopped";
    /** Starts the extension subprocess: an officer asks for more time. */
    public static final String MESSAGE_EXTENSION_REQUESTED = "StatutoryClockExtensionRequested";

    public static final String VAR_CASE_NUMBER = "caseNumber";
    public static final String VAR_CLOCK_OF = "clockOf";
    public static final String VAR_APPROVERS = "extensionApprovers";
    /** Whether the head of the case's department approves an extension ({@link ClockDeclaration#headApproves()}). */
    public static final String VAR_HEAD_APPROVES = "extensionByHead";
    public static final String VAR_LIMIT = "statutoryLimit";
    public static final String VAR_DEADLINE = "deadline";
    public static final String VAR_REQUESTED_BY = "extensionRequestedBy";
    public static final String VAR_REQUEST_REASON = "extensionRequestReason";
    public static final String VAR_DECISION = "extensionDecision";
    public static final String VAR_DAYS = "extensionDays";
    public static final String VAR_REASON = "extensionReason";
    public static final String VAR_APPROVER = "extensionApprover";

    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    private StatutoryClockProcess() {
    }
}
