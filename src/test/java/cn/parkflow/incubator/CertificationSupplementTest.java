package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.InOrder;

/**
 * The 补正 loop across the 2026 National Day holiday: requested on Wed 30 Sep, the 5 working days
 * are 8, 9, 10 (make-up Saturday), 12 and 13 October, so the answer is due Tue 13 Oct 17:30.
 */
@Deployment(resources = {"bpmn/incubator-certification.bpmn", "bpmn/incubator-expert-review.bpmn", "bpmn/dmn/incubator-eligibility.dmn",
        "bpmn/dmn/incubator-expert-outcome.dmn", "bpmn/dmn/incubator-site-inspection-routing.dmn"})
class CertificationSupplementTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }


    private static final String REQUEST = "缺少上年度火炬统计报表和场地租赁合同";
    private ProcessInstance instance;

    /** Called first in each test: the extension deploys the models only after {@code @BeforeEach}. */
    private void requestSupplementBeforeNationalDay() {
        ClockUtil.setCurrentTime(at("2026-09-30T10:00:00"));
        instance = start(application());
        runAsyncJobs();
        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer",
                Map.of("formalCheckResult", "INCOMPLETE", "formalCheckOpinion", REQUEST));
    }

    @Test
    void shouldPauseTheClockAndGiveFiveWorkingDaysCountedAcrossTheHoliday() {
        requestSupplementBeforeNationalDay();
        assertThat(instance).isWaitingAt(TASK_SUPPLEMENT);
        assertThat(openTask(instance, TASK_SUPPLEMENT)).isAssignedTo(APPLICANT_USER)
                .hasDueDate(at("2026-10-13T17:30:00"));
        verify(clock).pause(KEY, "INC-2026-0001", "申请材料补正");
        assertThat(mail.withTemplate("supplement-requested")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("mailTo", APPLICANT_USER).containsEntry("reason", REQUEST)
                .containsEntry("deadline", at("2026-10-13T17:30:00")));
    }

    @Test
    void shouldResumeTheClockWhenTheApplicantAnswersOnTheLastDaysAndReviewAgain() {
        requestSupplementBeforeNationalDay();
        ClockUtil.setCurrentTime(at("2026-10-12T16:00:00"));
        completeTask(instance, TASK_SUPPLEMENT, APPLICANT_USER,
                Map.of("supplementNote", "已上传火炬统计报表和租赁合同", "supplementConfirmed", true));

        InOrder order = inOrder(clock);
        order.verify(clock).start(KEY, "INC-2026-0001");
        order.verify(clock).pause(KEY, "INC-2026-0001", "申请材料补正");
        order.verify(clock).resume("INC-2026-0001");
        assertThat(instance).isWaitingAt(TASK_FORMAL_CHECK).variables().containsEntry(SUPPLEMENT_ROUND, 1L);

        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer", Map.of("formalCheckResult", "COMPLETE"));
        assertThat(instance).isWaitingAt(TASK_CONFIRM_ELIGIBILITY);
    }

    @Test
    void shouldNotAcceptWhenTheSupplementIsStillIncomplete() {
        requestSupplementBeforeNationalDay();
        completeTask(instance, TASK_SUPPLEMENT, APPLICANT_USER,
                Map.of("supplementNote", "已上传火炬统计报表", "supplementConfirmed", true));

        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer",
                Map.of("formalCheckResult", "INCOMPLETE", "formalCheckOpinion", "仍缺少场地租赁合同"));

        assertThat(instance).isEnded().hasPassed(END_REJECTED).hasPassed("EndEvent_SupplementStillIncomplete");
        verify(caseFile).close("INC-2026-0001", "不予受理：补正后材料仍不齐全：仍缺少场地租赁合同", "system");
        assertThat(mail.withTemplate("case-closed")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("reason", "补正后材料仍不齐全：仍缺少场地租赁合同").containsEntry("outcome", "不予受理"));
    }

    @Test
    void shouldRemindTheApplicantAndEndAsNotAcceptedWhenTheDeadlinePassesInSilence() {
        requestSupplementBeforeNationalDay();
        assertThat(instance).isWaitingAt(TASK_SUPPLEMENT);

        fireTimer(instance, SUPPLEMENT_OVERDUE, at("2026-10-13T17:31:00"));

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        verify(clock, never()).resume("INC-2026-0001");
        verify(caseFile).close("INC-2026-0001", "不予受理：逾期未补正：补正期限届满前未提交补正材料", "system");
    }

    @Test
    void shouldKeepTheSupplementOpenWhenTheApplicantDoesNotConfirmTheUpload() {
        requestSupplementBeforeNationalDay();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeTask(instance, TASK_SUPPLEMENT, APPLICANT_USER,
                        Map.of("supplementNote", "已上传")))
                .hasMessageContaining("补正说明：至少5个字")
                .hasMessageContaining("已按补正要求上传全部补正材料：必须勾选");
        assertThat(instance).isWaitingAt(TASK_SUPPLEMENT);
    }
}
