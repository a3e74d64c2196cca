package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Objects;
import java.util.stream.Stream;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Stall detection (issue 13): a project whose last update (a completed step or quarterly report;
 * a supervision of the stall itself is no update) lies 20 working days back is flagged 黄, 10
 * more and it turns 红 and goes to stc. Working days follow the holiday calendar; the thresholds
 * are configuration. Only a change of colour acts, so a daily check flags and escalates once: 黄
 * is mailed to the manager and the liaison ({@code stallMailTo}), 红 becomes stc's supervision task.
 */
@Component
class StallWatch {

    private final WorkingDayCalendar calendar;
    private final CaseFile caseFile;
    private final ConversionProperties properties;

    StallWatch(WorkingDayCalendar calendar, CaseFile caseFile, ConversionProperties properties) {
        this.calendar = calendar;
        this.caseFile = caseFile;
        this.properties = properties;
    }

    void check(DelegateExecution execution) {
        LocalDate lastUpdate = calendar.dateOf(lastUpdate(execution));
        int idle = calendar.workingDaysBetween(lastUpdate, EngineClock.today());
        String colour = colourAfter(idle);
        String before = (String) execution.getVariable(STATUS_COLOUR);
        execution.setVariable(STALLED_WORKING_DAYS, idle);
        execution.setVariable(STATUS_COLOUR, colour);
        boolean changed = !colour.equals(before);
        execution.setVariable(STALL_CHANGE, changed ? colour : NO_CHANGE);
        if (changed && YELLOW.equals(colour)) {
            execution.setVariable(STALL_LAST_UPDATE, lastUpdate.toString());
            execution.setVariable(STALL_MAIL_TO, stallMailTo(execution));
        }
        if (changed) {
            caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "STATUS_COLOUR_" + colour, "检查项目更新情况",
                    describe(colour, idle, lastUpdate));
        }
    }

    /** The manager and the liaison the 黄 mail goes to; stc while neither is named yet. */
    static String stallMailTo(DelegateExecution execution) {
        String to = Stream.of(execution.getVariable(TECHNOLOGY_MANAGER), execution.getVariable(DISTRICT_LIAISON))
                .filter(Objects::nonNull).map(Object::toString).filter(id -> !id.isBlank()).distinct()
                .collect(java.util.stream.Collectors.joining(","));
        return to.isEmpty() ? "stc" : to;
    }

    String colourAfter(int idleWorkingDays) {
        if (idleWorkingDays >= properties.stallYellowWorkingDays() + properties.stallRedAfterWorkingDays()) {
            return RED;
        }
        return idleWorkingDays >= properties.stallYellowWorkingDays() ? YELLOW : GREEN;
    }

    private static String describe(String colour, int idle, LocalDate lastUpdate) {
        return switch (colour) {
            case RED -> "红色：" + idle + "个工作日未更新（最后更新 " + lastUpdate + "），升级区科委督办";
            case YELLOW -> "黄色：" + idle + "个工作日未更新（最后更新 " + lastUpdate + "），列为停滞项目";
            default -> "恢复正常：最后更新 " + lastUpdate;
        };
    }

    /**
     * The latest completed step of the project other than the stall's own supervision; before the
     * first, the registration, or for a project taken over from the earlier ledger its last update
     * there ({@code lastUpdatedOn}).
     */
    private Instant lastUpdate(DelegateExecution execution) {
        HistoryService history = execution.getProcessEngineServices().getHistoryService();
        String instanceId = execution.getProcessInstanceId();
        Object carried = execution.getVariable(LAST_UPDATED_ON);
        Date started = carried != null
                ? Date.from(calendar.deadlineOf(LocalDate.parse(carried.toString())).toInstant())
                : history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult().getStartTime();
        Date lastStep = history.createHistoricTaskInstanceQuery().processInstanceId(instanceId).finished()
                .orderByHistoricTaskInstanceEndTime().desc().list().stream()
                .filter(task -> !TASK_SUPERVISE_STALLED.equals(task.getTaskDefinitionKey()))
                .map(HistoricTaskInstance::getEndTime)
                .findFirst().orElse(null);
        return Stream.of(started, lastStep).filter(Objects::nonNull).max(Date::compareTo).orElseThrow().toInstant();
    }
}
