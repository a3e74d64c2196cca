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
 * (mediation 1 month, enforcement 90 days paused for 鉴定 and 听证, adjudication 3 months), and the
 * service steps that move them. The kernel runs the timer: expiry flags the case and mails 红色督办;
 * an approved extension request moves the deadline. Mediation is extended by both parties' consent,
 * recorded by the mediator, without an approval.
 */
@Component
class IpClocks {

    static final String PAUSE_APPRAISAL = "鉴定";
    static final String PAUSE_HEARING = "听证";
    private static final Map<String, String> PAUSES = Map.of("APPRAISAL", PAUSE_APPRAISAL, "HEARING", PAUSE_HEARING);

    private final DeclaredClocks clocks;
    private final StatutoryClock clock;
    private final IpChannels channels;

    IpClocks(DeclaredClocks clocks, StatutoryClock clock, IpChannels channels) {
        this.clocks = clocks;
        this.clock = clock;
        this.channels = channels;
    }

    /** Static: the kernel reads the declarations before this bean, which needs the kernel, exists. */
    @Bean
    static ClockDeclaration ipMediationClock(IpCaseProperties properties) {
        return new ClockDeclaration(MEDIATION_KEY, properties.mediationDays(), DayUnit.CALENDAR, List.of(),
                properties.mediationApprovers());
    }

    @Bean
    static ClockDeclaration ipEnforcementClock(IpCaseProperties properties) {
        return new ClockDeclaration(ENFORCEMENT_KEY, properties.enforcementDays(), DayUnit.CALENDAR,
                List.of(PAUSE_APPRAISAL, PAUSE_HEARING), properties.extensionApprovers());
    }

    @Bean
    static ClockDeclaration ipAdjudicationClock(IpCaseProperties properties) {
        return new ClockDeclaration(ADJUDICATION_KEY, properties.adjudicationDays(), DayUnit.CALENDAR,
                List.of(PAUSE_APPRAISAL), properties.extensionApprovers());
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

    /** Both parties consented (the session form and {@link IpSubmissionRules} require it): the mediator extends. */
    void extendByConsent(DelegateExecution execution) {
        int days = ((Number) execution.getVariable("extensionDays")).intValue();
        clock.extend(execution.getProcessBusinessKey(), days, "双方当事人同意延长调解期限", mediator(execution));
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
