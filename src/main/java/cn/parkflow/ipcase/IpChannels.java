package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What a channel leaves behind: its outcome, and in the case the history of channels it went
 * through. A channel that ends without settling the dispute (an escalated consultation, a
 * mediation refused or failed, a transfer to police) names the next service, and the case goes
 * back to triage with its history kept.
 */
@Component
class IpChannels {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    /** Outcomes that lead to a further channel whatever the officer chose. */
    private static final Map<String, String> FOLLOWS = Map.of("ENFORCEMENT_TRANSFER_POLICE", "CRIMINAL");
    static final String OUTCOME_INPUT = "outcomeCode";

    private final CaseFile caseFile;

    IpChannels(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** Service step of a channel: its outcome ({@code outcomeCode} input, else the form's choice) on the channel instance. */
    void recordOutcome(DelegateExecution execution) {
        Object given = execution.getVariableLocal(OUTCOME_INPUT);
        String outcome = given != null ? (String) given : (String) execution.getVariable(CHANNEL_OUTCOME);
        execution.getProcessInstance().setVariable(CHANNEL_OUTCOME, outcome);
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "CHANNEL_OUTCOME",
                execution.getCurrentActivityId(), IpOutcomes.LABELS.getOrDefault(outcome, outcome));
    }

    /** Service step of the case after each channel: history, next service, court status. */
    void recordResult(DelegateExecution execution) {
        String channel = (String) execution.getVariable(CHANNEL);
        String outcome = (String) execution.getVariable(CHANNEL_OUTCOME);
        String next = nextService(outcome, (String) execution.getVariable(NEXT_SERVICE));
        String history = (String) execution.getVariable(CHANNEL_HISTORY);
        String line = DAY.format(EngineClock.today()) + " " + IpOutcomes.channel(channel) + "："
                + IpOutcomes.LABELS.getOrDefault(outcome, outcome);
        execution.setVariable(CHANNEL_HISTORY, history == null || history.isEmpty() ? line : history + "\n" + line);
        execution.setVariable(NEXT_SERVICE, next);
        if ("MEDIATION_ENDED_BY_COURT".equals(outcome)) {
            execution.setVariable(COURT_ACCEPTED, true);
        }
        if (!NONE.equals(next)) {
            execution.setVariable(SERVICE_REQUESTED, next);
        }
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "CHANNEL_DONE", null,
                line + (NONE.equals(next) ? "" : "；转入：" + IpOutcomes.channel(next)));
    }

    /** The service that follows an outcome: forced (transfer to police), the applicant's choice, or none. */
    static String nextService(String outcome, String chosen) {
        if (FOLLOWS.containsKey(outcome)) {
            return FOLLOWS.get(outcome);
        }
        boolean open = outcome != null && (outcome.equals("CONSULTATION_ESCALATED") || outcome.equals("MEDIATION_REFUSED")
                || outcome.equals("MEDIATION_FAILED"));
        return open && chosen != null && !chosen.isBlank() ? chosen : NONE;
    }
}
