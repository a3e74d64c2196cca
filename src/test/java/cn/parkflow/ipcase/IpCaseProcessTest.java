package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.document.TestDocuments;
import cn.parkflow.form.SubmissionRefused;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/** The case around its channels: intake, acceptance, triage, the loop back to triage, closure. */
class IpCaseProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-09-28T09:00:00"; // Monday before 国庆 (10-01..10-07), Sat 10-10 a make-up working day
    }

    @Test
    void shouldTakeAConsultationFromSubmissionToClosureWithOutcomeElapsedDaysAndSatisfaction() {
        // given: an online request for an infringement opinion on a trademark
        ProcessInstance instance = submit(request("TRADEMARK", "CONSULTATION", false));
        runAsyncJobs();

        // then: the case is opened at the workstation, intake due the same day
        ArgumentCaptor<NewCase> opened = ArgumentCaptor.forClass(NewCase.class);
        verify(caseFile).open(opened.capture(), eq(APPLICANT_USER));
        assertThat(opened.getValue().type()).isEqualTo("IP");
        assertThat(opened.getValue().department()).isEqualTo(STATION);
        assertThat(opened.getValue().applicantUser()).isEqualTo(APPLICANT_USER);
        assertThat(instance).isWaitingAt(TASK_REGISTER_INTAKE);
        assertThat(openTask(instance, TASK_REGISTER_INTAKE).getDueDate()).isEqualTo(at("2026-09-28T17:30:00"));
        assertThat(hasCandidateGroup(instance, TASK_REGISTER_INTAKE, STATION)).isTrue();
        assertThat(statuses.get(instance.getBusinessKey())).isEqualTo("INTAKE");

        // when: registered and accepted; the DMN proposes consultation
        completeTask(instance, TASK_REGISTER_INTAKE, STATION_OFFICER, Map.of("rightStatus", "VALID", "courtAccepted", false));
        assertThat(openTask(instance, TASK_DECIDE_ACCEPTANCE).getDueDate())
                .as("5 working days: 09-29, 09-30, 10-08, 10-09, 10-10 (调休上班)").isEqualTo(at("2026-10-10T17:30:00"));
        completeTask(instance, TASK_DECIDE_ACCEPTANCE, STATION_OFFICER, Map.of(ACCEPTANCE_DECISION, "ACCEPT"));

        // then: the workstation's numbered acceptance notice is issued and attached to the applicant's mail;
        // triage within 2 working days
        IssuedFile notice = documents.the("ipcase-acceptance");
        assertThat(notice.documentNumber()).isEqualTo("闵知援受〔2026〕1号");
        assertThat(TestDocuments.text(notice.content())).contains("受理通知书", "上海零号湾智能科技有限公司：",
                "于2026年9月28日提出的知识产权维权援助申请（案件编号：" + instance.getBusinessKey() + "）",
                "决定予以受理", "商标", "ZL202310001234.5", "某电子商务有限公司", "咨询与侵权判定意见",
                "大零号湾知识产权维权援助工作站", "二〇二六年九月二十八日");
        assertThat(mail.withTemplate("case-accepted")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailTo", APPLICANT_USER).containsEntry("mailDocument", "ipcase-acceptance")
                .containsEntry("mailAttachDocument", true));
        assertThat(variable(instance, PROPOSED_CHANNEL)).isEqualTo("CONSULTATION");
        assertThat(openTask(instance, TASK_TRIAGE).getDueDate()).isEqualTo(at("2026-09-30T17:30:00"));

        // when: the workstation triages; the consultation answers within 10 working days
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_GIVE_OPINION, STATION)).isTrue();
        assertThat(openTask(instance, TASK_GIVE_OPINION).getDueDate())
                .as("10 working days from 09-28: ... 10-16").isEqualTo(at("2026-10-16T17:30:00"));
        ClockUtil.setCurrentTime(at("2026-10-12T10:00:00"));
        completeTask(instance, TASK_GIVE_OPINION, STATION_OFFICER, Map.of("opinionSummary", "被控标识与注册商标构成近似，侵权可能性较大。",
                CHANNEL_OUTCOME, "CONSULTATION_ANSWERED"));

        // then: the opinion is mailed, the outcome classified, closure due in 5 working days
        assertThat(mail.withTemplate("decision")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("reason", "被控标识与注册商标构成近似，侵权可能性较大。"));
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("C01");
        assertThat(openTask(instance, TASK_CLOSE).getDueDate()).isEqualTo(at("2026-10-19T17:30:00"));

        // when
        closeWithSatisfaction(instance);

        // then: 09-28 → 10-12 is 6 working days (09-29, 09-30, 10-08, 10-09, 10-10, 10-12); every step on time
        assertThat(instance).isEnded().hasPassed(END_CLOSED);
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.outcomeCode()).isEqualTo("C01");
            assertThat(c.outcomeCategory()).isEqualTo("ADVISED");
            assertThat(c.channel()).isEqualTo("CONSULTATION");
            assertThat(c.ipType()).isEqualTo("TRADEMARK");
            assertThat(c.elapsedWorkingDays()).isEqualTo(6);
            assertThat(c.onTime()).isTrue();
            assertThat(c.satisfaction()).isEqualTo("SATISFIED");
        });
        verify(caseFile).close(eq(instance.getBusinessKey()), contains("C01"), eq("system"));
        assertThat(mail.withTemplate("case-closed")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("outcome", "已出具咨询或侵权判定意见"));
    }

    @Test
    void shouldMailTheReasonAndCloseWhenTheRightIsInvalid() {
        // given
        ProcessInstance instance = submit(request("INVENTION_PATENT", "ADJUDICATION", false));
        runAsyncJobs();
        completeTask(instance, TASK_REGISTER_INTAKE, STATION_OFFICER, Map.of("rightStatus", "INVALID", "courtAccepted", false));

        // when: refused without a reason, then with one
        assertThatThrownBy(() -> completeTask(instance, TASK_DECIDE_ACCEPTANCE, STATION_OFFICER,
                Map.of(ACCEPTANCE_DECISION, "RIGHT_INVALID"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("不予受理的理由：必填");
        completeTask(instance, TASK_DECIDE_ACCEPTANCE, STATION_OFFICER, Map.of(ACCEPTANCE_DECISION, "RIGHT_INVALID",
                "acceptanceReason", "该专利已于2025年被宣告全部无效。"));

        // then
        assertThat(instance).isEnded().hasPassed(END_NOT_ACCEPTED);
        assertThat(mail.withTemplate("ip-not-accepted")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailTo", APPLICANT_USER).containsEntry("reason", "该专利已于2025年被宣告全部无效。")
                .containsEntry("mailDocument", "ipcase-non-acceptance").containsEntry("mailAttachDocument", true));
        assertThat(documents.issued()).extracting(IssuedFile::kind).containsExactly("ipcase-non-acceptance");
        assertThat(TestDocuments.text(documents.the("ipcase-non-acceptance").content())).contains("不予受理通知书",
                "闵知援不受〔2026〕1号", "该申请所涉权利无效或者不处于有效状态", "发明专利",
                "理由如下：该专利已于2025年被宣告全部无效。");
        assertThat(closed).singleElement().satisfies(c -> assertThat(c.outcomeCode()).isEqualTo("N01"));
    }

    @Test
    void shouldLetTheWorkstationEnterAWalkInsCaseAndMailTheAddressTheyGave() {
        // given: a workstation officer enters the request of a right holder without an account
        Map<String, Object> walkIn = request("COPYRIGHT", "MEDIATION", false);
        walkIn.put("walkIn", true);
        walkIn.put("applicantEmail", "zhang.san@example.com");

        // when
        ProcessInstance instance = start(KEY, STATION_OFFICER, walkIn);

        // then: the case has no applicant account; mail goes to the address given, with the counterparty's for parties
        ArgumentCaptor<NewCase> opened = ArgumentCaptor.forClass(NewCase.class);
        verify(caseFile).open(opened.capture(), eq(STATION_OFFICER));
        assertThat(opened.getValue().applicantUser()).isNull();
        verify(caseFile).record(eq(instance.getBusinessKey()), eq(STATION_OFFICER), eq("ENTERED_ON_BEHALF"), any(), anyString());
        assertThat(variable(instance, APPLICANT_CONTACT)).isEqualTo("zhang.san@example.com");
        assertThat(variable(instance, PARTIES_CONTACT)).isEqualTo("zhang.san@example.com,counterparty@example.com");
    }

    @Test
    void shouldRefuseAWalkInEnteredByAnyoneButTheWorkstation() {
        Map<String, Object> walkIn = request("COPYRIGHT", "MEDIATION", false);
        walkIn.put("walkIn", true);

        assertThatThrownBy(() -> submit(walkIn)).isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("只有维权援助工作站工作人员可以代为登记");
    }

    @Test
    void shouldRefuseARequestWithMissingAndMalformedFieldsNamingThem() {
        Map<String, Object> bad = request("TRADEMARK", "CONSULTATION", false);
        bad.remove("rightNumber");
        bad.put("applicantEmail", "not-an-address");

        assertThatThrownBy(() -> submit(bad)).isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("权利编号").hasMessageContaining("联系邮箱");
        verify(caseFile, org.mockito.Mockito.never()).open(any(), anyString());
    }

    @Test
    void shouldRefuseAdjudicationAtTriageOnceACourtHasAcceptedTheDispute() {
        // given: a patent dispute already before a court; the DMN proposes litigation guidance
        ProcessInstance instance = accepted(request("INVENTION_PATENT", "ADJUDICATION", true));
        assertThat(variable(instance, PROPOSED_CHANNEL)).isEqualTo("LITIGATION");

        // when / then: the officer cannot route it to adjudication
        assertThatThrownBy(() -> completeTask(instance, TASK_TRIAGE, STATION_OFFICER, Map.of(CHANNEL, "ADJUDICATION",
                "triageNote", "申请人坚持"))).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("法院已受理该纠纷，不能选择专利侵权纠纷行政裁决");
        assertThat(instance).isWaitingAt(TASK_TRIAGE);
    }

    @Test
    void shouldEndAdjudicationAtOnceWhenTheCourtAcceptedTheDisputeMeanwhile() {
        // given: the channel starts for a dispute a court has accepted (the guard inside the channel)
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(ADJUDICATION_KEY)
                .businessKey("IP-2026-0901").setVariables(Map.of(COURT_ACCEPTED, true, CASE_NUMBER, "IP-2026-0901"))
                .execute();
        runAsyncJobs();

        // then
        assertThat(instance).isEnded().hasPassed(END_ADJUDICATION_UNAVAILABLE);
        assertThat(variable(instance, CHANNEL_OUTCOME)).isEqualTo("ADJUDICATION_UNAVAILABLE");
    }

    @Test
    void shouldRequireANoteWhenTheOfficerOverridesTheProposedChannel() {
        ProcessInstance instance = accepted(request("TRADEMARK", "CONSULTATION", false));

        assertThatThrownBy(() -> completeTask(instance, TASK_TRIAGE, STATION_OFFICER, Map.of(CHANNEL, "MEDIATION")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("分流说明");
    }

    @Test
    void shouldSendAnEscalatedConsultationBackToTriageWithItsHistory() {
        // given
        ProcessInstance instance = accepted(request("TRADEMARK", "CONSULTATION", false));
        triageAsProposed(instance);

        // when: escalation needs the next service
        assertThatThrownBy(() -> completeTask(instance, TASK_GIVE_OPINION, STATION_OFFICER, Map.of("opinionSummary", "构成侵权",
                CHANNEL_OUTCOME, "CONSULTATION_ESCALATED"))).isInstanceOf(ProcessEngineException.class).hasMessageContaining("转入渠道");
        completeTask(instance, TASK_GIVE_OPINION, STATION_OFFICER, Map.of("opinionSummary", "构成侵权，建议投诉",
                CHANNEL_OUTCOME, "CONSULTATION_ESCALATED", NEXT_SERVICE, "ENFORCEMENT"));

        // then: back at triage, the DMN now proposes enforcement; the history names the consultation
        assertThat(instance).isWaitingAt(TASK_TRIAGE);
        assertThat(variable(instance, PROPOSED_CHANNEL)).isEqualTo("ENFORCEMENT");
        assertThat((String) variable(instance, CHANNEL_HISTORY)).contains("咨询与侵权判定意见：转其他渠道办理");
    }
}
