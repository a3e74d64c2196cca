package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.document.TestDocuments;
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
                "applicantConsentsExtension", true, "counterpartyConsentsExtension", false, "extensionMonths", 1,
                "extensionConsentMethod", "IN_PERSON", "extensionConsentNote", "2026-03-10 调解会上双方当面表示同意延长一个月"));

        // when: only the applicant consents, or how the consents were given is not recorded
        assertThatThrownBy(() -> completeTask(instance, TASK_MEDIATE, "mediator1", extend))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("须经双方当事人同意");
        Map<String, Object> unrecorded = new HashMap<>(extend);
        unrecorded.put("counterpartyConsentsExtension", true);
        unrecorded.remove("extensionConsentMethod");
        assertThatThrownBy(() -> completeTask(instance, TASK_MEDIATE, "mediator1", unrecorded))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("双方同意延长的取得方式");
        verify(clock, never()).extend(anyString(), anyInt(), anyString(), anyString());

        // when: both consent
        extend.put("counterpartyConsentsExtension", true);
        completeTask(instance, TASK_MEDIATE, "mediator1", extend);

        // then: the mediator's record of both consents is in the audit trail; the clock is extended by 1 month
        verify(caseFile).record(eq(instance.getBusinessKey()), eq("mediator1"), eq("MEDIATION_EXTENSION_CONSENTED"),
                eq(TASK_MEDIATE), contains("申请人、被申请人均同意延长调解期限 1 个月（取得方式：当面）；记录：2026-03-10 调解会上双方当面表示同意延长一个月"));
        verify(clock).extend(instance.getBusinessKey(), 1, "双方当事人同意延长调解期限（当面）", "mediator1");
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

        if (engine.getIdentityService().createUserQuery().userId("mediator1").count() == 0) {
            var mediator = engine.getIdentityService().newUser("mediator1");
            mediator.setLastName("李");
            mediator.setFirstName("调解");
            engine.getIdentityService().saveUser(mediator);
        }

        // when: an agreement without its performance terms is refused, then recorded
        assertThatThrownBy(() -> completeTask(instance, TASK_MEDIATE, "mediator1", Map.of("mediationResult", "AGREEMENT",
                "mediationSummary", "被申请人停止销售"))).hasMessageContaining("履行方式和期限");
        completeTask(instance, TASK_MEDIATE, "mediator1", Map.of("mediationResult", "AGREEMENT",
                "mediationSummary", "被申请人立即停止销售涉案图书\n被申请人赔偿申请人8万元",
                "performanceTerms", "赔偿金于协议签订后十日内一次性支付"));

        // then: the agreement is issued as the committee's numbered PDF with the parties, the terms and the mediator
        IssuedFile agreement = documents.the("ipcase-mediation-agreement");
        assertThat(agreement.documentNumber()).isEqualTo("闵知调〔2026〕1号");
        assertThat(TestDocuments.text(agreement.content())).contains("人民调解协议书", "当事人（申请人）：上海零号湾智能科技有限公司",
                "当事人（被申请人）：某电子商务有限公司", "侵犯其著作权（权利编号：ZL202310001234.5）",
                "1．被申请人立即停止销售涉案图书", "2．被申请人赔偿申请人8万元", "赔偿金于协议签订后十日内一次性支付", "李调解",
                "上海市闵行区知识产权人民调解委员会");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailDocument", "ipcase-mediation-agreement").containsEntry("mailAttachDocument", true));
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
