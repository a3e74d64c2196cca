package cn.parkflow.calendar;

import java.util.List;

/**
 * What a process declares about its statutory clock, as a Spring bean the kernel finds by process
 * key (like {@code SubmissionRules}): the limit and its unit, the reasons it may pause for, and the
 * group that approves an extension. The kernel then runs the clock's timer ({@code statutory-clock.bpmn}).
 *
 * @param processKey         the process whose clock this is, e.g. {@code incubator-certification}
 * @param limit              days from the start to the decision
 * @param pauseReasons       the only reasons {@link DeclaredClocks#pause} accepts, e.g. 申请材料补正
 * @param extensionApprovers candidate group of the extension approval task, e.g. {@code supervision}
 * @param headApproves       the extension is approved by the head (负责人) of the department holding the
 *                           case (e.g. 市场监督管理部门负责人批准): the task is assigned to that head and queued
 *                           with that department (the department alone while it has no head);
 *                           {@code extensionApprovers} only when the case names no department
 */
public record ClockDeclaration(String processKey, int limit, DayUnit unit, List<String> pauseReasons,
                               String extensionApprovers, boolean headApproves) {

    /** Extensions approved by the group {@code extensionApprovers}. */
    public ClockDeclaration(String processKey, int limit, DayUnit unit, List<String> pauseReasons,
                            String extensionApprovers) {
        this(processKey, limit, unit, pauseReasons, extensionApprovers, false);
    }

    public ClockDeclaration {
        ClockRules.requireName("processKey", processKey);
        ClockRules.requireDays("limit", limit);
        ClockRules.require("unit", unit);
        ClockRules.require("pauseReasons", pauseReasons);
        pauseReasons.forEach(reason -> ClockRules.requireText("pauseReasons", reason));
        pauseReasons = List.copyOf(pauseReasons);
        ClockRules.requireName("extensionApprovers", extensionApprovers);
    }
}
