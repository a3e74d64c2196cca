package cn.parkflow.calendar;

/**
 * A timer event or user task of a process instance that stands for a statutory clock.
 *
 * @param workingDaysBefore the element falls due this many working days before the clock's
 *                          deadline (0: at the deadline), e.g. a reminder
 */
record ClockTie(String caseNumber, String processInstanceId, String activityId, int workingDaysBefore) {
}
