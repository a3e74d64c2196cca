package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.doAnswer;

import cn.parkflow.calendar.ClockView;
import cn.parkflow.calendar.StatutoryClockProcess;
import cn.parkflow.calendar.TestClocks;
import cn.parkflow.casefile.NewCase;
import java.util.List;
import java.util.Map;
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
 * 2026-07-03, 90 days end on 10-01 (国庆) and roll to Thu 10-08; an appraisal pauses the clock; an
 * approved extension adds 30 days; an overrun flags the case. Then transfer to police, returned.
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
        realClocks = TestClocks.register("ip-enforcement-clocks", engine, caseFile,
                List.of(IpClocks.ipMediationClock(IpCaseProperties.defaults()),
                        IpClocks.ipEnforcementClock(IpCaseProperties.defaults()),
                        IpClocks.ipAdjudicationClock(IpCaseProperties.defaults())));
        clocks = realClocks.declared();
        clock = realClocks.clock();
        doAnswer(call -> {
            NewCase opened = call.getArgument(0);
            String number = "IP-2026-%04d".formatted(CASES.incrementAndGet());
            realClocks.openCase(number);
            return record(number, opened.type(), opened.applicantUser());
        }).when(caseFile).open(any(), anyString());
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
    void shouldAllowFifteenMoreWorkingDaysToOpenOnlyWithApproval() {
        // given: triaged Wed 07-01; 15 working days → Wed 07-22
        ProcessInstance instance = accepted(request("TRADEMARK", "ENFORCEMENT", false));
        triageAsProposed(instance);
        assertThat(openTask(instance, TASK_DECIDE_OPENING).getDueDate()).isEqualTo(at("2026-07-22T17:30:00"));

        // when: the officer asks for more time and supervision approves
        completeTask(instance, TASK_DECIDE_OPENING, "amr-officer", Map.of("openingDecision", "REQUEST_EXTENSION",
                "openingReason", "需调取电商平台交易数据"));
        assertThat(hasCandidateGroup(instance, TASK_APPROVE_OPENING_EXTENSION, "supervision")).isTrue();
        completeTask(instance, TASK_APPROVE_OPENING_EXTENSION, "supervisor", Map.of("openingExtended", true,
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

        // when: the officer asks for 30 more days and supervision approves
        clocks.requestExtension(instance.getBusinessKey(), "amr-officer", "涉案商品数量大，需追查上游");
        Task approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(StatutoryClockProcess.TASK_APPROVE_EXTENSION).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("supervision"));
        engine.getIdentityService().setAuthenticatedUserId("supervisor");
        engine.getTaskService().claim(approval.getId(), "supervisor");
        engine.getTaskService().complete(approval.getId(), Map.of(StatutoryClockProcess.VAR_DECISION, StatutoryClockProcess.APPROVE,
                StatutoryClockProcess.VAR_DAYS, 30, StatutoryClockProcess.VAR_REASON, "案情复杂，同意延长30日"));
        engine.getIdentityService().clearAuthentication();
        runAsyncJobs();

        // then: 10-10 + 30 days = Mon 11-09; the investigation's due date and the timer moved with it
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-11-09T17:30:00").toInstant());
        assertThat(clockOf(instance).extensions()).singleElement().satisfies(e -> assertThat(e.approver()).isEqualTo("supervisor"));
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
        // given: a copyright dispute mediated first; consent on Thu 07-02 starts the 30-day mediation clock
        ProcessInstance instance = accepted(request("COPYRIGHT", "MEDIATION", false));
        triageAsProposed(instance);
        ClockUtil.setCurrentTime(at("2026-07-02T10:00:00"));
        completeTask(instance, TASK_RECORD_CONSENT, "ip-mediation-officer", Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "WRITTEN"));
        assertThat(clockOf(instance).currentDeadline()).as("07-02 + 30 days = Sat 08-01, rolled to Mon 08-03")
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
