package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** People's mediation inside the case: consent, extension by consent, court acceptance, agreement, failure. */
class IpMediationProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private ProcessInstance inMediation() {
        ProcessInstance instance = accepted(request("COPYRIGHT", "MEDIATION", false));
        triageAsProposed(instance);
        return instance;
    }

    private void consent(ProcessInstance instance) {
        completeTask(instance, TASK_RECORD_CONSENT, "mediator1", Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "PHONE", "consentNote", "被申请人法务电话表示同意调解"));
    }

    @Test
    void shouldNotStartMediationWithoutTheCounterpartysConsent() {
        // given
        ProcessInstance instance = inMediation();
        assertThat(hasCandidateGroup(instance, TASK_RECORD_CONSENT, "ip-mediation")).isTrue();

        // when: the counterparty refuses; the applicant chooses litigation guidance
        completeTask(instance, TASK_RECORD_CONSENT, "mediator1", Map.of("counterpartyConsent", "REFUSED",
                "consentMethod", "PHONE", NEXT_SERVICE, "LITIGATION"));

        // then: no clock was started; both parties hear of other channels; the case goes back to triage
        verify(clocks, never()).start(anyString(), anyString());
        assertThat(mail.withTemplate("ip-mediation-ended")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailTo", APPLICANT_USER + ",counterparty@example.com"));
        assertThat(instance).isWaitingAt(TASK_TRIAGE);
        assertThat(variable(instance, PROPOSED_CHANNEL)).isEqualTo("LITIGATION");
        assertThat((String) variable(instance, CHANNEL_HISTORY)).contains("人民调解：被申请人不同意调解");
    }

    @Test
    void shouldExtendOnlyWithBothPartiesConsent() {
        // given
        ProcessInstance instance = inMediation();
        consent(instance);
        verify(clocks).start(MEDIATION_KEY, instance.getBusinessKey());
        Map<String, Object> extend = new HashMap<>(Map.of("mediationResult", "EXTEND", "mediationSummary", "双方就赔偿金额仍有分歧",
                "applicantConsentsExtension", true, "counterpartyConsentsExtension", false, "extensionDays", 15));

        // when: only the applicant consents
        assertThatThrownBy(() -> completeTask(instance, TASK_MEDIATE, "mediator1", extend))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须经双方当事人同意");
        verify(clock, never()).extend(anyString(), anyInt(), anyString(), anyString());

        // when: both consent
        extend.put("counterpartyConsentsExtension", true);
        completeTask(instance, TASK_MEDIATE, "mediator1", extend);

        // then: the mediator extends the clock by 15 days; the session continues
        verify(clock).extend(instance.getBusinessKey(), 15, "双方当事人同意延长调解期限", "mediator1");
        assertThat(openTask(instance, TASK_MEDIATE)).isNotNull();
    }

    @Test
    void shouldEndMediationWhenACourtAcceptsTheDispute() {
        // given
        ProcessInstance instance = inMediation();
        consent(instance);

        // when
        engine.getRuntimeService().createMessageCorrelation(MESSAGE_COURT_ACCEPTED)
                .processInstanceBusinessKey(instance.getBusinessKey()).correlate();
        runAsyncJobs();

        // then: clock stopped, case closed as referred to court with the court status recorded
        verify(clocks).stop(instance.getBusinessKey(), "system");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
        assertThat(variable(instance, COURT_ACCEPTED)).isEqualTo(true);
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("M04");
    }

    @Test
    void shouldConfirmAnAgreementJudiciallyAndFollowItUp() {
        // given
        ProcessInstance instance = inMediation();
        consent(instance);

        // when
        completeTask(instance, TASK_MEDIATE, "mediator1", Map.of("mediationResult", "AGREEMENT",
                "mediationSummary", "被申请人停止销售并赔偿8万元"));
        completeTask(instance, TASK_RECORD_CONFIRMATION_APPLICATION, "mediator1", Map.of("confirmationApplied", true));

        // then: the court confirms within its deadline, then the mediator visits
        assertThat(hasCandidateGroup(instance, TASK_CONFIRM_AGREEMENT, "court")).isTrue();
        completeTask(instance, TASK_CONFIRM_AGREEMENT, "court-clerk", Map.of("judicialConfirmation", "CONFIRMED"));
        completeTask(instance, TASK_VISIT_PERFORMANCE, "mediator1", Map.of("performance", "PERFORMED"));
        verify(clocks).stop(instance.getBusinessKey(), "system");
        assertThat(mail.withTemplate("decision")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("outcome", "达成调解协议"));
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("M01");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
    }

    @Test
    void shouldLeadAFailedMediationToASecondChannelWithTheHistoryKept() {
        // given
        ProcessInstance instance = inMediation();
        consent(instance);

        // when: mediation fails; the applicant now asks for enforcement
        completeTask(instance, TASK_MEDIATE, "mediator1", Map.of("mediationResult", "FAILED", "mediationSummary", "分歧较大",
                NEXT_SERVICE, "ENFORCEMENT"));

        // then: back at triage with the mediation in the history; the second channel is enforcement by culture
        assertThat(instance).isWaitingAt(TASK_TRIAGE);
        assertThat((String) variable(instance, CHANNEL_HISTORY)).contains("人民调解：调解不成");
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_DECIDE_OPENING, "culture")).isTrue();
        verify(caseFile).record(eq(instance.getBusinessKey()), eq("system"), eq("CHANNEL_DONE"), eq(null),
                org.mockito.ArgumentMatchers.contains("转入：行政执法"));
    }
}
