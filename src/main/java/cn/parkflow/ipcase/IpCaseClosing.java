package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/**
 * Closes an IP case: outcome code and category (DMN {@code ip-closure-category}; a case not
 * accepted is classified by the same table), elapsed working days since receipt, whether every
 * step kept its deadline, the satisfaction recorded; the row the monthly statistics count.
 */
@Component
class IpCaseClosing {

    static final String CLOSURE_DECISION = "ip-closure-category";

    private final CaseFile caseFile;
    private final IpCaseOutcomes outcomes;
    private final WorkingDayCalendar calendar;

    IpCaseClosing(CaseFile caseFile, IpCaseOutcomes outcomes, WorkingDayCalendar calendar) {
        this.caseFile = caseFile;
        this.outcomes = outcomes;
        this.calendar = calendar;
    }

    /** Outcome code, category and label of the case from its last channel's outcome (or its non-acceptance). */
    void classify(DelegateExecution execution) {
        boolean accepted = "ACCEPT".equals(execution.getVariable(ACCEPTANCE_DECISION));
        String outcome = accepted ? (String) execution.getVariable(CHANNEL_OUTCOME) : "NOT_ACCEPTED";
        DmnDecisionRuleResult category = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionTableByKey(CLOSURE_DECISION, Map.of(CHANNEL_OUTCOME, outcome)).getSingleResult();
        execution.setVariable(OUTCOME_CODE, category.getEntry("outcomeCode"));
        execution.setVariable(OUTCOME_CATEGORY, category.getEntry("outcomeCategory"));
        execution.setVariable(OUTCOME_LABEL, category.getEntry("outcomeLabel"));
    }

    void close(DelegateExecution execution) {
        String number = execution.getProcessBusinessKey();
        boolean accepted = "ACCEPT".equals(execution.getVariable(ACCEPTANCE_DECISION));
        if (!accepted) {
            classify(execution);
        }
        LocalDate receivedOn = calendar.dateOf(((Date) execution.getVariable(RECEIVED_AT)).toInstant());
        LocalDate today = EngineClock.today();
        int elapsed = calendar.workingDaysBetween(receivedOn, today);
        boolean onTime = everyStepOnTime(execution, number) && !deadlineExpired(number);
        String code = (String) execution.getVariable(OUTCOME_CODE);
        String category = (String) execution.getVariable(OUTCOME_CATEGORY);
        execution.setVariable(ELAPSED_WORKING_DAYS, elapsed);
        execution.setVariable(ON_TIME, onTime);
        outcomes.save(new IpCaseOutcome(number, (String) execution.getVariable(IP_TYPE),
                accepted ? (String) execution.getVariable(CHANNEL) : null, code, category,
                receivedOn, today, elapsed, onTime, (String) execution.getVariable(SATISFACTION)));
        caseFile.close(number, code + " " + execution.getVariable(OUTCOME_LABEL) + "；用时 " + elapsed + " 个工作日"
                + (onTime ? "" : "；有环节超期"), CaseFile.SYSTEM);
    }

    private boolean deadlineExpired(String number) {
        var deadline = caseFile.get(number).deadline();
        return deadline != null && deadline.isExpired();
    }

    /** No step of the case, in any of its channels, finished after its due date. */
    private static boolean everyStepOnTime(DelegateExecution execution, String number) {
        for (HistoricTaskInstance task : execution.getProcessEngineServices().getHistoryService()
                .createHistoricTaskInstanceQuery().processInstanceBusinessKey(number).finished().list()) {
            if (task.getDueDate() != null && task.getEndTime() != null && task.getEndTime().after(task.getDueDate())) {
                return false;
            }
        }
        return true;
    }
}
