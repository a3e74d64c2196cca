package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Patent adjudication to an administrative mediation agreement or a rejection; litigation guidance filed. */
class IpCourtAndAdjudicationProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Test
    void shouldAdjudicateAPatentDisputeToAnAdministrativeMediationAgreement() {
        // given
        ProcessInstance instance = accepted(request("UTILITY_MODEL", "ADJUDICATION", false));
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_ACCEPT_ADJUDICATION, "amr")).isTrue();
        assertThat(openTask(instance, TASK_ACCEPT_ADJUDICATION).getDueDate()).isEqualTo(at("2026-03-09T17:30:00"));

        // when
        completeTask(instance, TASK_ACCEPT_ADJUDICATION, "amr-officer", Map.of("adjudicationAcceptance", "ACCEPT"));
        verify(clocks).start(ADJUDICATION_KEY, instance.getBusinessKey());
        assertThat(openTask(instance, TASK_COLLECT_ANSWER).getDueDate()).as("15 days: 03-17").isEqualTo(at("2026-03-17T17:30:00"));
        completeTask(instance, TASK_COLLECT_ANSWER, "amr-officer", Map.of("answerReceived", "ANSWERED", "answerSummary", "不侵权抗辩"));
        completeTask(instance, TASK_DECIDE_ADJUDICATION, "amr-officer", Map.of(CHANNEL_OUTCOME, "ADJUDICATION_MEDIATED",
                "decisionSummary", "双方达成行政调解协议，被请求人赔偿3万元"));

        // then
        verify(clocks).stop(instance.getBusinessKey(), "system");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("outcome", "达成行政调解协议").containsEntry("mailTo", APPLICANT_USER + ",counterparty@example.com"));
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("A02");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
    }

    @Test
    void shouldRejectAnAdjudicationRequestOnlyWithAReason() {
        ProcessInstance instance = accepted(request("DESIGN_PATENT", "ADJUDICATION", false));
        triageAsProposed(instance);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeTask(instance, TASK_ACCEPT_ADJUDICATION, "amr-officer",
                Map.of("adjudicationAcceptance", "REJECT"))).hasMessageContaining("不予受理的理由：必填");
        completeTask(instance, TASK_ACCEPT_ADJUDICATION, "amr-officer", Map.of("adjudicationAcceptance", "REJECT",
                "adjudicationReason", "请求人不是专利权人或利害关系人"));

        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("A03");
        assertThat(mail.withTemplate("decision")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("reason", "请求人不是专利权人或利害关系人"));
    }

    @Test
    void shouldGuideALitigationToFilingAtTheCourt() {
        // given: mediation asked for a dispute already in court → the court's channel
        ProcessInstance instance = accepted(request("COPYRIGHT", "MEDIATION", true));
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_GUIDE_LITIGATION, "court")).isTrue();
        assertThat(openTask(instance, TASK_GUIDE_LITIGATION).getDueDate()).as("30 days: 04-01").isEqualTo(at("2026-04-01T17:30:00"));

        // when
        completeTask(instance, TASK_GUIDE_LITIGATION, "court-officer", Map.of(CHANNEL_OUTCOME, "LITIGATION_FILED",
                "courtNote", "诉前调解不成，已登记立案"));

        // then
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("L02");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
    }
}
