package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.ClockView;
import cn.parkflow.calendar.StatutoryClockProcess;
import cn.parkflow.calendar.TestClocks;
import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.document.TestDocuments;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Administrative enforcement on the kernel's real statutory clock (tables on H2): opened Fri
 * 2026-07-03, 90 days end on 10-01 (国庆) and roll to Thu 10-08; an appraisal or a hearing pauses the
 * clock; an extension (+30 days) approved by the head of the enforcing department; an overrun flags the
 * case; the decision summary and the transfer letter are issued as PDFs. Then transfer to police, returned.
 */
class IpEnforcementProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();
    private static final AtomicInteger CASES = new AtomicInteger(500);

    private TestClocks realClocks;

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-07-01T09:00:00";
    }

    @Override
    void wireClocks() {
        realClocks = wireRealClocks("ip-enforcement-clocks", CASES);
    }

    /** A trademark complaint, accepted and triaged to enforcement, opened by amr on Fri 07-03. */
    private ProcessInstance opened() {
        ProcessInstance instance = accepted(request("TRADEMARK", "ENFORCEMENT", false));
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_DECIDE_OPENING, "amr")).isTrue();
        ClockUtil.setCurrentTime(at("2026-07-03T10:00:00"));
        completeTask(instance, TASK_DECIDE_OPENING, "amr-officer", Map.of("openingDecision", "OPEN", "openingReason", "证据初步充分"));
        return instance;
    }

    private ClockView clockOf(ProcessInstance instance) {
        return clock.find(instance.getBusinessKey()).orElseThrow();
    }

    private Job deadlineTimer(ProcessInstance instance) {
        ProcessInstance timer = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceBusinessKey(instance.getBusinessKey()).processDefinitionKey(StatutoryClockProcess.KEY)
                .singleResult();
        return timer == null ? null : engine.getManagementService().createJobQuery().processInstanceId(timer.getId())
                .timers().activityId(StatutoryClockProcess.TIMER_DEADLINE).singleResult();
    }

    @Test
    void shouldAllowFifteenMoreWorkingDaysToOpenOnlyWithTheHeadsApproval() {
        // given: triaged Wed 07-01; 15 working days → Wed 07-22; amr's head is amr-head
        when(heads.headOf("amr")).thenReturn(Optional.of("amr-head"));
        ProcessInstance instance = accepted(request("TRADEMARK", "ENFORCEMENT", false));
        triageAsProposed(instance);
        assertThat(openTask(instance, TASK_DECIDE_OPENING).getDueDate()).isEqualTo(at("2026-07-22T17:30:00"));

        // when: the officer asks for more time; the approval goes to the head of amr (市场监管部门负责人批准)
        completeTask(instance, TASK_DECIDE_OPENING, "amr-officer", Map.of("openingDecision", "REQUEST_EXTENSION",
                "openingReason", "需调取电商平台交易数据"));
        assertThat(openTask(instance, TASK_APPROVE_OPENING_EXTENSION).getAssignee()).isEqualTo("amr-head");
        assertThat(hasCandidateGroup(instance, TASK_APPROVE_OPENING_EXTENSION, "amr")).isTrue();
        assertThat(hasCandidateGroup(instance, TASK_APPROVE_OPENING_EXTENSION, "supervision")).isFalse();
        completeTask(instance, TASK_APPROVE_OPENING_EXTENSION, "amr-head", Map.of("openingExtended", true,
                "openingExtensionNote", "同意"));

        // then: 30 working days from 07-01 → Wed 08-12; no second extension
        assertThat(openTask(instance, TASK_DECIDE_OPENING).getDueDate()).isEqualTo(at("2026-08-12T17:30:00"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeTask(instance, TASK_DECIDE_OPENING, "amr-officer",
                Map.of("openingDecision", "REQUEST_EXTENSION", "openingReason", "再次申请")))
                .hasMessageContaining("不能再次延长");
    }

    @Test
    void shouldPauseTheClockForAnAppraisalAcrossNationalDayAndExtendItWithApproval() {
        // given: opened Fri 07-03; 90 days end on 10-01 (国庆), rolled to Thu 10-08
        ProcessInstance instance = opened();
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-10-08T17:30:00").toInstant());
        assertThat(openTask(instance, TASK_INVESTIGATE).getDueDate()).isEqualTo(at("2026-10-08T17:30:00"));
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(at("2026-10-08T17:30:00"));

        // when: an appraisal is needed on Mon 09-21; the result comes Wed 09-30
        ClockUtil.setCurrentTime(at("2026-09-21T10:00:00"));
        completeTask(instance, TASK_INVESTIGATE, "amr-officer", Map.of("investigationResult", "APPRAISAL",
                "investigationNote", "需对被控商品进行真伪鉴定"));
        assertThat(clockOf(instance).paused()).isTrue();
        assertThat(deadlineTimer(instance).isSuspended()).as("no expiry while paused").isTrue();
        ClockUtil.setCurrentTime(at("2026-09-30T16:00:00"));
        completeTask(instance, TASK_RECORD_PAUSE_ENDED, "amr-officer", Map.of("pauseResult", "鉴定为假冒注册商标商品"));

        // then: 9 days do not count (09-22..09-30): 07-03 + 99 days = Sat 10-10, a make-up working day
        ClockView resumed = clockOf(instance);
        assertThat(resumed.paused()).isFalse();
        assertThat(resumed.pausedDays()).isEqualTo(9);
        assertThat(resumed.currentDeadline()).isEqualTo(at("2026-10-10T17:30:00").toInstant());
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(at("2026-10-10T17:30:00"));
        assertThat(openTask(instance, TASK_INVESTIGATE).getDueDate()).isEqualTo(at("2026-10-10T17:30:00"));

        // when: the officer asks for 30 more days; the head of amr, which holds the case, approves
        approveExtension(instance, "amr", 30, "案情复杂，同意延长30日");

        // then: 10-10 + 30 days = Mon 11-09; the investigation's due date and the timer moved with it
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-11-09T17:30:00").toInstant());
        assertThat(clockOf(instance).extensions()).singleElement().satisfies(e -> assertThat(e.approver()).isEqualTo("amr-head"));
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(at("2026-11-09T17:30:00"));
        assertThat(openTask(instance, TASK_INVESTIGATE).getDueDate()).isEqualTo(at("2026-11-09T17:30:00"));

        // when: investigation, legal review and penalty decision before the deadline
        ClockUtil.setCurrentTime(at("2026-10-20T10:00:00"));
        completeTask(instance, TASK_INVESTIGATE, "amr-officer", Map.of("investigationResult", "READY", "investigationNote", "调查终结"));
        completeTask(instance, TASK_REVIEW_LEGALITY, "amr-legal", Map.of("legalReviewResult", "APPROVED"));
        completeTask(instance, TASK_DECIDE_ENFORCEMENT, "amr-officer", Map.of(CHANNEL_OUTCOME, "ENFORCEMENT_PENALTY",
                "penaltyAmount", 12, "decisionSummary", "没收侵权商品并处罚款12万元"));

        // then: clock stopped, timer gone, decision mailed, closure next
        assertThat(clockOf(instance).stoppedAt()).isNotNull();
        assertThat(deadlineTimer(instance)).isNull();
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("outcome", "行政处罚").containsEntry("reason", "没收侵权商品并处罚款12万元"));
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("E01");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
        // and the decision summary is issued, numbered, with the case's facts, and linked in the mail
        IssuedFile summary = documents.the("ipcase-decision-summary");
        assertThat(summary.documentNumber()).isEqualTo("闵市监知摘〔2026〕1号");
        assertThat(TestDocuments.text(summary.content())).contains("行政决定摘要", "行政处罚决定", "某电子商务有限公司",
                "商标侵权纠纷（权利编号：ZL202310001234.5）", "调查终结", "行政处罚，罚没款12万元",
                "没收侵权商品并处罚款12万元", "2026年10月20日", "上海市闵行区市场监督管理局", "二〇二六年十月二十日");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailDocument", "ipcase-decision-summary,ipcase-decision-summary-culture"));
    }

    @Test
    void shouldPauseTheClockForAHearingAndNotCountTheDaysItTook() {
        // given: opened Fri 07-03, due Thu 10-08
        ProcessInstance instance = opened();

        // when: the party asks for a hearing on Mon 08-03; it is held and recorded on Fri 08-14
        ClockUtil.setCurrentTime(at("2026-08-03T10:00:00"));
        completeTask(instance, TASK_INVESTIGATE, "amr-officer", Map.of("investigationResult", "HEARING",
                "investigationNote", "当事人申请听证"));
        ClockView paused = clockOf(instance);
        assertThat(paused.paused()).isTrue();
        assertThat(paused.pauses()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("听证"));
        assertThat(deadlineTimer(instance).isSuspended()).isTrue();
        ClockUtil.setCurrentTime(at("2026-08-14T16:00:00"));
        completeTask(instance, TASK_RECORD_PAUSE_ENDED, "amr-officer", Map.of("pauseResult", "听证已举行，当事人陈述申辩"));

        // then: 08-04..08-14 do not count, 11 days: 07-03 + 101 days = Mon 10-12 (no longer in 国庆)
        assertThat(clockOf(instance).pausedDays()).isEqualTo(11);
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-10-12T17:30:00").toInstant());
        assertThat(deadlineTimer(instance).isSuspended()).isFalse();
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(at("2026-10-12T17:30:00"));
        assertThat(openTask(instance, TASK_INVESTIGATE).getDueDate()).isEqualTo(at("2026-10-12T17:30:00"));
    }

    /** An extension request as the Tasklist tab makes it, approved by the head of {@code department}, which holds the case. */
    private void approveExtension(ProcessInstance instance, String department, int units, String reason) {
        departments.put(instance.getBusinessKey(), department);
        when(heads.headOf(department)).thenReturn(Optional.of(department + "-head"));
        clocks.requestExtension(instance.getBusinessKey(), department + "-officer", "案情复杂，需要更多时间");
        Task approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(StatutoryClockProcess.TASK_APPROVE_EXTENSION).singleResult();
        assertThat(approval.getAssignee()).isEqualTo(department + "-head");
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo(department))
                .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("supervision"));
        engine.getIdentityService().setAuthenticatedUserId(department + "-head");
        engine.getTaskService().complete(approval.getId(), Map.of(StatutoryClockProcess.VAR_DECISION, StatutoryClockProcess.APPROVE,
                StatutoryClockProcess.VAR_DAYS, units, StatutoryClockProcess.VAR_REASON, reason));
        engine.getIdentityService().clearAuthentication();
        runAsyncJobs();
    }

    @Test
    void shouldFlagTheCaseAndWarnSupervisionWhenTheDecisionOverrunsTheClock() {
        // given: opened 07-03, no pause: due Thu 10-08 17:30
        ProcessInstance instance = opened();

        // when: the deadline passes without a decision
        ClockUtil.setCurrentTime(at("2026-10-08T17:30:00"));
        engine.getManagementService().executeJob(deadlineTimer(instance).getId());
        runAsyncJobs();

        // then
        verify(caseFile).flagDeadlineExpired(eq(instance.getBusinessKey()), eq("system"), contains("2026-10-08 17:30 届满"));
        assertThat(mail.withTemplate("statutory-deadline-expired")).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("mailTo", "supervision"));

        // and the case still gets its decision, and closes as not on time
        ClockUtil.setCurrentTime(at("2026-10-12T10:00:00"));
        completeTask(instance, TASK_INVESTIGATE, "amr-officer", Map.of("investigationResult", "READY", "investigationNote", "调查终结"));
        completeTask(instance, TASK_REVIEW_LEGALITY, "amr-legal", Map.of("legalReviewResult", "APPROVED"));
        completeTask(instance, TASK_DECIDE_ENFORCEMENT, "amr-officer", Map.of(CHANNEL_OUTCOME, "ENFORCEMENT_NO_PENALTY",
                "decisionSummary", "情节轻微并及时改正"));
        closeWithSatisfaction(instance);
        assertThat(closed).singleElement().satisfies(c -> {
            assertThat(c.outcomeCode()).isEqualTo("E02");
            assertThat(c.onTime()).isFalse();
        });
    }

    @Test
    void shouldRunTheEnforcementClockAfterTheMediationClockOfAFailedMediation() {
        // given: a copyright dispute mediated first; consent on Thu 07-02 starts the 1-month mediation clock
        ProcessInstance instance = accepted(request("COPYRIGHT", "MEDIATION", false));
        triageAsProposed(instance);
        ClockUtil.setCurrentTime(at("2026-07-02T10:00:00"));
        completeTask(instance, TASK_RECORD_CONSENT, "ip-mediation-officer", Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "WRITTEN"));
        assertThat(clockOf(instance).currentDeadline()).as("07-02 + 1 month = Sun 08-02, rolled to Mon 08-03")
                .isEqualTo(at("2026-08-03T17:30:00").toInstant());

        // when: mediation fails on 07-20; the applicant asks for enforcement, opened by culture on 07-21
        ClockUtil.setCurrentTime(at("2026-07-20T10:00:00"));
        completeTask(instance, TASK_MEDIATE, "ip-mediation-officer", Map.of("mediationResult", "FAILED",
                "mediationSummary", "赔偿金额分歧较大", NEXT_SERVICE, "ENFORCEMENT"));
        assertThat(clockOf(instance).stoppedAt()).isNotNull();
        triageAsProposed(instance);
        ClockUtil.setCurrentTime(at("2026-07-21T10:00:00"));
        completeTask(instance, TASK_DECIDE_OPENING, "culture-officer", Map.of("openingDecision", "OPEN", "openingReason", "证据充分"));

        // then: a new 90-day clock from 07-21 (→ 10-19, a Monday), the mediation's stopped clock behind it
        ClockView enforcement = clockOf(instance);
        assertThat(enforcement.stoppedAt()).isNull();
        assertThat(enforcement.limit()).isEqualTo(90);
        assertThat(enforcement.currentDeadline()).isEqualTo(at("2026-10-19T17:30:00").toInstant());
        assertThat(deadlineTimer(instance).getDuedate()).isEqualTo(at("2026-10-19T17:30:00"));
        assertThat((String) variable(instance, CHANNEL_HISTORY)).contains("人民调解：调解不成");
    }

    @Test
    void shouldTransferToPoliceAndLetTheProcuratorateReviewAReturnedTransfer() {
        // given
        ProcessInstance instance = opened();
        completeTask(instance, TASK_INVESTIGATE, "amr-officer", Map.of("investigationResult", "READY", "investigationNote", "涉案金额巨大"));
        completeTask(instance, TASK_REVIEW_LEGALITY, "amr-legal", Map.of("legalReviewResult", "APPROVED"));

        // when: the decision is a transfer to police
        completeTask(instance, TASK_DECIDE_ENFORCEMENT, "amr-officer", Map.of(CHANNEL_OUTCOME, "ENFORCEMENT_TRANSFER_POLICE",
                "decisionSummary", "涉嫌假冒注册商标罪，移送公安"));

        // then: back to triage, which proposes the criminal transfer; amr transfers within 3 working days
        assertThat(variable(instance, PROPOSED_CHANNEL)).isEqualTo("CRIMINAL");
        triageAsProposed(instance);
        assertThat(hasCandidateGroup(instance, TASK_TRANSFER_TO_POLICE, "amr")).isTrue();
        completeTask(instance, TASK_TRANSFER_TO_POLICE, "amr-officer", Map.of("transferNote", "移送涉案商品及证据清单"));
        assertThat(hasCandidateGroup(instance, TASK_DECIDE_POLICE_ACCEPTANCE, "police")).isTrue();
        // the transfer letter is issued by amr; a transfer has no decision summary
        assertThat(documents.issued()).extracting(IssuedFile::kind).containsExactly("ipcase-acceptance", "ipcase-criminal-transfer");
        assertThat(TestDocuments.text(documents.the("ipcase-criminal-transfer").content())).contains("涉嫌犯罪案件移送书",
                "上海市公安局闵行分局：", "某电子商务有限公司涉嫌侵犯商标", "移送材料：移送涉案商品及证据清单",
                "闵市监移〔2026〕1号", "上海市闵行区市场监督管理局");

        // when: police returns it without a reason, then with one
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeTask(instance, TASK_DECIDE_POLICE_ACCEPTANCE,
                "police-officer", Map.of(CHANNEL_OUTCOME, "CRIMINAL_RETURNED", "policeReason", " ")))
                .hasMessageContaining("退回理由");
        completeTask(instance, TASK_DECIDE_POLICE_ACCEPTANCE, "police-officer", Map.of(CHANNEL_OUTCOME, "CRIMINAL_RETURNED",
                "policeReason", "涉案金额未达立案追诉标准"));

        // then: the procuratorate has a review task, not just a mail
        assertThat(hasCandidateGroup(instance, TASK_REVIEW_TRANSFER, "procuratorate")).isTrue();
        completeTask(instance, TASK_REVIEW_TRANSFER, "prosecutor", Map.of("supervisionAction", "REQUIRE_EXPLANATION",
                "procuratorateOpinion", "要求说明不立案理由"));
        assertThat(variable(instance, OUTCOME_CODE)).isEqualTo("P02");
        // read access follows the case: each department that held a step of it may read it
        for (String department : List.of("ip-station", "amr", "police", "procuratorate")) {
            verify(caseFile, org.mockito.Mockito.atLeastOnce()).involve(instance.getBusinessKey(), department);
        }
        assertThat((String) variable(instance, CHANNEL_HISTORY)).contains("行政执法：涉嫌犯罪，移送公安机关")
                .contains("行刑衔接移送：公安机关退回移送");
        assertThat(instance).isWaitingAt(TASK_CLOSE);
    }
}
