package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.ClockDeclaration;
import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseFile;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The statutory clocks of the statutory channels, declared to the kernel per channel process
 * (mediation 1 calendar month, enforcement 90 days paused for 鉴定 and 听证, adjudication 3 calendar
 * months), and the service steps that move them. The kernel runs the timer: expiry flags the case and
 * mails 红色督办; an extension request of enforcement (+30 days) or adjudication (+1 month) is approved
 * by the head of the department holding the case. Mediation is extended by both parties' consent,
 * recorded by the mediator (how each consented), without an approval.
 */
@Component
class IpClocks {

    static final String PAUSE_APPRAISAL = "鉴定";
    static final String PAUSE_HEARING = "听证";
    private static final Map<String, String> PAUSES = Map.of("APPRAISAL", PAUSE_APPRAISAL, "HEARING", PAUSE_HEARING);

    static final String EXTENSION_MONTHS = "extensionMonths";
    private static final Map<String, String> CONSENT_METHODS = Map.of("IN_PERSON", "当面", "PHONE", "电话",
            "WRITTEN", "书面", "MAIL", "电子邮件");

    private final DeclaredClocks clocks;
    private final StatutoryClock clock;
    private final IpChannels channels;
    private final CaseFile caseFile;

    IpClocks(DeclaredClocks clocks, StatutoryClock clock, IpChannels channels, CaseFile caseFile) {
        this.clocks = clocks;
        this.clock = clock;
        this.channels = channels;
        this.caseFile = caseFile;
    }

    /** Static: the kernel reads the declarations before this bean, which needs the kernel, exists. */
    @Bean
    static ClockDeclaration ipMediationClock(IpCaseProperties properties) {
        return new ClockDeclaration(MEDIATION_KEY, properties.mediationMonths(), DayUnit.MONTH, List.of(),
                properties.mediationApprovers());
    }

    @Bean
    static ClockDeclaration ipEnforcementClock(IpCaseProperties properties) {
        return new ClockDeclaration(ENFORCEMENT_KEY, properties.enforcementDays(), DayUnit.CALENDAR,
                List.of(PAUSE_APPRAISAL, PAUSE_HEARING), properties.extensionApprovers(), true);
    }

    @Bean
    static ClockDeclaration ipAdjudicationClock(IpCaseProperties properties) {
        return new ClockDeclaration(ADJUDICATION_KEY, properties.adjudicationMonths(), DayUnit.MONTH,
                List.of(PAUSE_APPRAISAL), properties.extensionApprovers(), true);
    }

    /** Starts the clock the running channel declared (the channel's process key names it). */
    void start(DelegateExecution execution) {
        clocks.start(processKey(execution), execution.getProcessBusinessKey());
    }

    void pause(DelegateExecution execution) {
        String reason = PAUSES.get((String) execution.getVariable(INVESTIGATION_RESULT));
        clocks.pause(processKey(execution), execution.getProcessBusinessKey(), reason);
    }

    void resume(DelegateExecution execution) {
        clocks.resume(execution.getProcessBusinessKey());
    }

    /** The channel's decision is taken: the clock stops; the outcome is recorded. */
    void stop(DelegateExecution execution) {
        clocks.stop(execution.getProcessBusinessKey(), CaseFile.SYSTEM);
        channels.recordOutcome(execution);
    }

    /**
     * Both parties consented (the session form and {@link IpSubmissionRules} require it): the mediator
     * records how each consent was given, in the case's audit trail, and extends by whole months.
     */
    void extendByConsent(DelegateExecution execution) {
        int months = ((Number) execution.getVariable(EXTENSION_MONTHS)).intValue();
        String mediator = mediator(execution);
        String method = CONSENT_METHODS.getOrDefault((String) execution.getVariable("extensionConsentMethod"), "未注明");
        Object note = execution.getVariable("extensionConsentNote");
        caseFile.record(execution.getProcessBusinessKey(), mediator, "MEDIATION_EXTENSION_CONSENTED", TASK_MEDIATE,
                "申请人、被申请人均同意延长调解期限 " + months + " 个月（取得方式：" + method + "）"
                        + (note == null || note.toString().isBlank() ? "" : "；记录：" + note));
        clock.extend(execution.getProcessBusinessKey(), months, "双方当事人同意延长调解期限（" + method + "）", mediator);
    }

    private static String mediator(DelegateExecution execution) {
        List<HistoricTaskInstance> sessions = execution.getProcessEngineServices().getHistoryService()
                .createHistoricTaskInstanceQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_MEDIATE).finished().orderByHistoricTaskInstanceEndTime().desc().list();
        return sessions.isEmpty() || sessions.get(0).getAssignee() == null ? CaseFile.SYSTEM : sessions.get(0).getAssignee();
    }

    static String processKey(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRepositoryService()
                .getProcessDefinition(execution.getProcessDefinitionId()).getKey();
    }
}
