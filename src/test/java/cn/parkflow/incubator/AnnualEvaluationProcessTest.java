package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/incubator-annual-evaluation.bpmn", "bpmn/incubator-annual-evaluation-round.bpmn",
        "bpmn/dmn/incubator-annual-consequence.dmn"})
class AnnualEvaluationProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    ProcessEngineExtension extension() {
        return extension;
    }

    private static final String NUMBER = "闵科孵认〔2024〕2号";

    /** Certified 2024-06-01, valid to 2027-05-31; evaluated on 2026-03-02 for 2025. */
    private ProcessInstance startEvaluation(String previousGrade) {
        when(register.find(NUMBER)).thenReturn(Optional.of(certificate(NUMBER, LocalDate.of(2024, 6, 1))));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY,
                Map.of(CERTIFICATE_NUMBER, NUMBER, EVALUATION_YEAR, 2025, PREVIOUS_GRADE, previousGrade));
        runAsyncJobs();
        return instance;
    }

    private void fileAndGrade(ProcessInstance instance, String grade) {
        completeTask(instance, TASK_FILE_REPORT, APPLICANT_USER, Map.of("reportIncubateeCount", 55, "reportGraduatedCount", 6,
                "reportFinancedCount", 8, "reportServiceRevenue", 320, "reportSummary", "全年新增在孵企业12家，毕业6家，服务体系持续完善。"));
        completeTask(instance, TASK_REVIEW_REPORT, "stc-officer", Map.of(GRADE, grade, "reviewOpinion", "按评价指标评定"));
    }

    @Test
    void shouldRevokeTheCertificationAfterTwoConsecutiveDGrades() {
        ProcessInstance instance = startEvaluation("D");
        assertThat(instance).hasBusinessKey("INC-2026-0001").isWaitingAt(TASK_FILE_REPORT);
        assertThat(openTask(instance, TASK_FILE_REPORT)).isAssignedTo(APPLICANT_USER)
                .hasDueDate(ShanghaiTime.at("2026-03-19T17:30:00"));
        assertThat(mail.withTemplate("deadline-reminder")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("deadline", ShanghaiTime.at("2026-03-19T17:30:00")));

        fileAndGrade(instance, "D");

        verify(register).recordGrade(NUMBER, 2025, "D");
        verify(register).revoke(eq(NUMBER), eq("连续两年年度绩效评价为D（不合格），撤销认定"), eq(false), eq("INC-2026-0001"), any());
        verify(caseFile).close("INC-2026-0001", "评价等级 D：连续两年评价为D（不合格），撤销认定", "system");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("outcome", "评价等级 D：连续两年评价为D（不合格），撤销认定"));
        assertThat(instance).isEnded().hasPassed("EndEvent_EvaluationClosed");
    }

    @Test
    void shouldOnlyRequireRectificationForAFirstD() {
        ProcessInstance instance = startEvaluation("B");
        fileAndGrade(instance, "D");

        verify(register, never()).revoke(anyString(), anyString(), anyBoolean(), anyString(), any());
        assertThat(instance).isEnded().variables().containsEntry("consequence", "RECTIFY");
    }

    @Test
    void shouldGradeDWhenNothingIsFiledBeforeTheWindowCloses() {
        ProcessInstance instance = startEvaluation("");
        fireTimer(instance, FILING_OVERDUE, ShanghaiTime.at("2026-03-19T17:31:00"));

        verify(register).recordGrade(NUMBER, 2025, "D");
        assertThat(instance).isEnded().hasPassed("Task_GradeMissingReport").variables()
                .containsEntry("consequence", "RECTIFY");
    }

    @Test
    void shouldNoticeReapplicationThreeMonthsBeforeTheCertificateRunsOut() {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(ShanghaiTime.at("2027-03-01T09:30:00"));
        ProcessInstance instance = startEvaluation("B");
        fileAndGrade(instance, "A");

        assertThat(instance).isWaitingAt(REAPPLICATION_NOTICE_DUE);
        Job timer = engine.getManagementService().createJobQuery().timers().activityId(REAPPLICATION_NOTICE_DUE).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(ShanghaiTime.at("2027-02-28T09:00:00"));
        fireTimer(instance, REAPPLICATION_NOTICE_DUE, ShanghaiTime.at("2027-03-01T10:00:00"));

        assertThat(mail.withTemplate("deadline-reminder")).last().satisfies(call -> assertThat(call)
                .containsEntry("step", "认定证书到期，请重新申请").containsEntry("deadline", "2027-05-31"));
        assertThat(instance).isEnded().hasPassed("EndEvent_ReapplicationNoticeSent");
    }

    @Test
    void shouldStartOneEvaluationPerCertificateInForceOncePerYear() {
        Certificate older = certificate(NUMBER, LocalDate.of(2024, 6, 1));
        Certificate issuedThisYear = certificate("闵科孵认〔2026〕1号", LocalDate.of(2026, 1, 20));
        when(register.validOn(LocalDate.of(2026, 3, 2))).thenReturn(List.of(older, issuedThisYear));
        when(register.find(NUMBER)).thenReturn(Optional.of(older));
        when(register.grade(NUMBER, 2024)).thenReturn(Optional.of("D"));

        AnnualEvaluations evaluations = new AnnualEvaluations(register, engine.getRuntimeService(), engine.getHistoryService());
        assertThat(evaluations.startRound(null)).isEqualTo(1);
        assertThat(evaluations.startRound(null)).as("no second evaluation of 2025").isZero();
        runAsyncJobs();

        ProcessInstance started = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).singleResult();
        assertThat(started).isWaitingAt(TASK_FILE_REPORT).variables().containsEntry(PREVIOUS_GRADE, "D")
                .containsEntry(EVALUATION_YEAR, 2025);
    }

    @Test
    void shouldOpenTheRoundEachFirstOfMarchByATimer() {
        Job timer = engine.getManagementService().createJobQuery().timers().activityId("StartEvent_EvaluationYearOpened")
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(ShanghaiTime.at("2027-03-01T09:00:00"));
    }
}
