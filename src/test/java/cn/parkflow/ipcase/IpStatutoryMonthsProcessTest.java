package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.ClockView;
import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.StatutoryClockProcess;
import cn.parkflow.calendar.TestClocks;
import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.document.TestDocuments;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The month clocks on the kernel's real statutory clock (tables on H2): people's mediation runs one
 * calendar month and patent adjudication three (民法典 第二百零二条: the corresponding day of the last
 * month, or its last day), not 30 or 90 days. Adjudication pauses for an appraisal and is extended by
 * one month with the approval of amr's head.
 */
class IpStatutoryMonthsProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();
    private static final AtomicInteger CASES = new AtomicInteger(700);

    private TestClocks realClocks;

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-01-28T09:00:00";
    }

    @Override
    void wireClocks() {
        realClocks = wireRealClocks("ip-month-clocks", CASES);
    }

    private ClockView clockOf(ProcessInstance instance) {
        return clock.find(instance.getBusinessKey()).orElseThrow();
    }

    @Test
    void shouldEndAMediationStartedOnJanuary31OnTheLastDayOfFebruary() {
        // given: a copyright dispute in mediation
        ProcessInstance instance = accepted(request("COPYRIGHT", "MEDIATION", false));
        triageAsProposed(instance);

        // when: the mediator records the counterparty's consent on Sat 2026-01-31; the clock starts
        ClockUtil.setCurrentTime(at("2026-01-31T10:00:00"));
        completeTask(instance, TASK_RECORD_CONSENT, "mediator1", Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "WRITTEN"));

        // then: one month ends on 02-28 (February has no 31st), a Saturday that is a make-up working day;
        // 30 calendar days would have given Mon 03-02
        ClockView started = clockOf(instance);
        assertThat(started.unit()).isEqualTo(DayUnit.MONTH);
        assertThat(started.limit()).isEqualTo(1);
        assertThat(started.currentDeadline()).isEqualTo(at("2026-02-28T17:30:00").toInstant());
        assertThat(openTask(instance, TASK_MEDIATE).getDueDate()).isEqualTo(at("2026-02-28T17:30:00"));

        // when: both parties consent to one more month
        ClockUtil.setCurrentTime(at("2026-02-25T15:00:00"));
        completeTask(instance, TASK_MEDIATE, "mediator1", Map.of("mediationResult", "EXTEND",
                "mediationSummary", "双方同意继续协商", "applicantConsentsExtension", true,
                "counterpartyConsentsExtension", true, "extensionMonths", 1, "extensionConsentMethod", "WRITTEN"));

        // then: two months from 01-31 end on Tue 03-31
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-03-31T17:30:00").toInstant());
        assertThat(clockOf(instance).extensions()).singleElement().satisfies(e -> {
            assertThat(e.days()).isEqualTo(1);
            assertThat(e.approver()).isEqualTo("mediator1");
        });
        assertThat(openTask(instance, TASK_MEDIATE).getDueDate()).isEqualTo(at("2026-03-31T17:30:00"));
    }

    @Test
    void shouldPauseAnAdjudicationForAnAppraisalAndExtendItByAMonthWithTheHeadsApproval() {
        // given: a utility-model dispute, accepted for adjudication on Tue 03-31
        ProcessInstance instance = accepted(request("UTILITY_MODEL", "ADJUDICATION", false));
        triageAsProposed(instance);
        ClockUtil.setCurrentTime(at("2026-03-31T10:00:00"));
        completeTask(instance, TASK_ACCEPT_ADJUDICATION, "amr-officer", Map.of("adjudicationAcceptance", "ACCEPT"));
        completeTask(instance, TASK_COLLECT_ANSWER, "amr-officer", Map.of("answerReceived", "ANSWERED",
                "answerSummary", "被请求人主张现有技术抗辩"));

        // then: three months end on Tue 06-30 (90 days would be Mon 06-29)
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-06-30T17:30:00").toInstant());
        assertThat(openTask(instance, TASK_DECIDE_ADJUDICATION).getDueDate()).isEqualTo(at("2026-06-30T17:30:00"));

        // when: a technical appraisal is commissioned on Wed 04-15; the opinion is recorded on Fri 04-24
        ClockUtil.setCurrentTime(at("2026-04-15T10:00:00"));
        completeTask(instance, TASK_DECIDE_ADJUDICATION, "amr-officer", Map.of("adjudicationAction", "APPRAISAL",
                "appraisalNote", "委托司法鉴定机构比对被控产品与权利要求1"));
        assertThat(clockOf(instance).paused()).isTrue();
        assertThat(clockOf(instance).pauses()).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("鉴定"));
        assertThat(hasCandidateGroup(instance, TASK_RECORD_APPRAISAL_RESULT, "amr")).isTrue();
        ClockUtil.setCurrentTime(at("2026-04-24T16:00:00"));
        completeTask(instance, TASK_RECORD_APPRAISAL_RESULT, "amr-officer", Map.of("pauseResult", "被控产品落入权利要求1的保护范围"));

        // then: 04-16..04-24 do not count, 9 calendar days: 06-30 + 9 = Thu 07-09; back at the decision
        assertThat(clockOf(instance).pausedDays()).isEqualTo(9);
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-07-09T17:30:00").toInstant());
        assertThat(openTask(instance, TASK_DECIDE_ADJUDICATION).getDueDate()).isEqualTo(at("2026-07-09T17:30:00"));

        // when: the officer asks for one more month; the approval goes to amr's head, who approves
        departments.put(instance.getBusinessKey(), "amr");
        when(heads.headOf("amr")).thenReturn(Optional.of("amr-head"));
        ClockUtil.setCurrentTime(at("2026-06-20T10:00:00"));
        clocks.requestExtension(instance.getBusinessKey(), "amr-officer", "案情特别复杂");
        Task approval = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(StatutoryClockProcess.TASK_APPROVE_EXTENSION).singleResult();
        assertThat(approval.getAssignee()).isEqualTo("amr-head");
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("amr"))
                .noneSatisfy(link -> assertThat(link.getGroupId()).isEqualTo("supervision"));
        engine.getIdentityService().setAuthenticatedUserId("amr-head");
        engine.getTaskService().complete(approval.getId(), Map.of(StatutoryClockProcess.VAR_DECISION,
                StatutoryClockProcess.APPROVE, StatutoryClockProcess.VAR_DAYS, 1, StatutoryClockProcess.VAR_REASON,
                "案情特别复杂，同意延长一个月"));
        engine.getIdentityService().clearAuthentication();
        runAsyncJobs();

        // then: four months from 03-31 = 07-31, plus the 9 paused days = Sun 08-09, rolled to Mon 08-10
        assertThat(clockOf(instance).currentDeadline()).isEqualTo(at("2026-08-10T17:30:00").toInstant());
        assertThat(clockOf(instance).extensions()).singleElement().satisfies(e -> assertThat(e.approver()).isEqualTo("amr-head"));
        assertThat(openTask(instance, TASK_DECIDE_ADJUDICATION).getDueDate()).isEqualTo(at("2026-08-10T17:30:00"));

        // when: the ruling
        ClockUtil.setCurrentTime(at("2026-07-20T10:00:00"));
        completeTask(instance, TASK_DECIDE_ADJUDICATION, "amr-officer", Map.of("adjudicationAction", "DECIDE",
                CHANNEL_OUTCOME, "ADJUDICATION_RULING", "decisionSummary", "认定侵权，责令被请求人立即停止制造、销售被控产品"));

        // then: clock stopped; the decision summary is issued and attached to the parties' mail
        assertThat(clockOf(instance).stoppedAt()).isNotNull();
        IssuedFile summary = documents.the("ipcase-decision-summary");
        assertThat(TestDocuments.text(summary.content())).contains("专利侵权纠纷行政裁决", "实用新型专利侵权纠纷",
                "被请求人主张现有技术抗辩", "作出行政裁决", "责令被请求人立即停止制造、销售被控产品", "2026年7月20日");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailDocument", "ipcase-decision-summary").containsEntry("mailAttachDocument", true));
        assertThat(instance).isWaitingAt(TASK_CLOSE);
    }
}
