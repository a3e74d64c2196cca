package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Deployment(resources = {"bpmn/incubator-annual-evaluation.bpmn", "bpmn/incubator-annual-evaluation-round.bpmn",
        "bpmn/dmn/incubator-annual-consequence.dmn"})
class AnnualEvaluationProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private static final String NUMBER = "闵科孵认〔2024〕2号";
    private static final String OFFICER = "stc-officer";

    /** Certified 2024-06-01, valid to 2027-05-31; evaluated on 2026-03-02 for 2025. */
    private ProcessInstance startEvaluation(String previousGrade) {
        return startEvaluation(certificate(NUMBER, LocalDate.of(2024, 6, 1)), 2025, previousGrade);
    }

    private ProcessInstance startEvaluation(Certificate certificate, int year, String previousGrade) {
        when(register.find(certificate.number())).thenReturn(Optional.of(certificate));
        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(KEY,
                Map.of(CERTIFICATE_NUMBER, certificate.number(), EVALUATION_YEAR, year, PREVIOUS_GRADE, previousGrade));
        runAsyncJobs();
        return instance;
    }

    /** The officer's decision on a missed filing, from where the detour starts. */
    private ProcessInstance startAtMissedFilingDecision(String previousGrade) {
        when(register.find(NUMBER)).thenReturn(Optional.of(certificate(NUMBER, LocalDate.of(2024, 6, 1))));
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY)
                .setVariables(Map.of(CERTIFICATE_NUMBER, NUMBER, EVALUATION_YEAR, 2025, PREVIOUS_GRADE, previousGrade,
                        FILING_DUE_AT, at("2026-03-19T17:30:00"), FILING_DEADLINE, "2026年3月19日 17:30"))
                .startBeforeActivity(TASK_DECIDE_MISSED_FILING).execute();
        runAsyncJobs();
        return instance;
    }

    private void fileAndGrade(ProcessInstance instance, String grade) {
        completeTask(instance, TASK_FILE_REPORT, APPLICANT_USER, Map.of("reportIncubateeCount", 55, "reportGraduatedCount", 6,
                "reportFinancedCount", 8, "reportServiceRevenue", 320, "reportSummary", "全年新增在孵企业12家，毕业6家，服务体系持续完善。"));
        completeTask(instance, TASK_REVIEW_REPORT, OFFICER, Map.of(GRADE, grade, "reviewOpinion", "按评价指标评定"));
    }

    private Job noticeTimer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(REAPPLICATION_NOTICE_DUE).singleResult();
    }

    @Test
    void shouldRevokeTheCertificationAfterTwoConsecutiveDGradesWithoutNoticingReapplication() {
        ProcessInstance instance = startEvaluation("D");
        assertThat(instance).hasBusinessKey("INC-2026-0001").isWaitingAt(TASK_FILE_REPORT).variables()
                .containsEntry(REAPPLICATION_NOTICE, true).containsEntry(FILING_DEADLINE, "2026年3月19日 17:30");
        assertThat(openTask(instance, TASK_FILE_REPORT)).isAssignedTo(APPLICANT_USER)
                .hasDueDate(at("2026-03-19T17:30:00"));
        assertThat(mail.withTemplate("annual-filing-open")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("deadline", at("2026-03-19T17:30:00")));

        fileAndGrade(instance, "D");

        verify(register).recordGrade(NUMBER, 2025, "D");
        verify(register).revoke(eq(NUMBER), eq("连续两年年度绩效评价为D（不合格），撤销认定"), eq(false), eq("INC-2026-0001"), any());
        verify(caseFile).close("INC-2026-0001", "评价等级 D：连续两年评价为D（不合格），撤销认定", "system");
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(call ->
                assertThat(call).containsEntry("outcome", "评价等级 D：连续两年评价为D（不合格），撤销认定"));
        assertThat(instance).isEnded().hasPassed("EndEvent_EvaluationClosed").hasNotPassed(REAPPLICATION_NOTICE_DUE);
        assertThat(mail.withTemplate("reapplication-notice")).isEmpty();
    }

    @Test
    void shouldOnlyRequireRectificationForAFirstD() {
        ProcessInstance instance = startEvaluation("B");
        fileAndGrade(instance, "D");

        verify(register, never()).revoke(anyString(), anyString(), anyBoolean(), anyString(), any());
        assertThat(instance).variables().containsEntry("consequence", "RECTIFY");
        assertThat(instance).isWaitingAt(REAPPLICATION_NOTICE_DUE);
    }

    @Test
    void shouldAskTheOfficerWhenNothingIsFiledBeforeTheWindowCloses() {
        ProcessInstance instance = startEvaluation("D");
        fireTimer(instance, FILING_OVERDUE, at("2026-03-19T17:31:00"));

        assertThat(instance).isWaitingAt(TASK_DECIDE_MISSED_FILING);
        assertThat(openTask(instance, TASK_DECIDE_MISSED_FILING)).hasName("未按期报送，是否评为D？").hasCandidateGroup("stc")
                .hasDueDate(at("2026-03-24T17:30:00"));
        verify(caseFile).changeStatus("INC-2026-0001", "MISSED_FILING_DECISION", "system");
        verify(register, never()).recordGrade(anyString(), org.mockito.ArgumentMatchers.anyInt(), anyString());
        verify(register, never()).revoke(anyString(), anyString(), anyBoolean(), anyString(), any());
    }

    @Test
    void shouldGradeAMissedFilingDOnlyWhenTheOfficerDecidesSo() {
        ProcessInstance instance = startAtMissedFilingDecision("D");

        completeTask(instance, TASK_DECIDE_MISSED_FILING, OFFICER, Map.of(MISSED_FILING_DECISION, GRADE_D,
                MISSED_FILING_OPINION, "经电话催报仍未报送"));

        assertThat(instance).hasPassed(TASK_GRADE_MISSING_REPORT).hasNotPassed(TASK_GRANT_LATE_FILING);
        verify(caseFile).record("INC-2026-0001", "system", "GRADED", "按未报送评为D", "逾期未报送，评价等级 D：经电话催报仍未报送");
        verify(register).recordGrade(NUMBER, 2025, "D");
        verify(register).revoke(eq(NUMBER), anyString(), eq(false), eq("INC-2026-0001"), any());
        assertThat(instance).isEnded().variables().containsEntry("consequence", "REVOKE");
    }

    @Test
    void shouldReopenTheFilingUntilTheLateFilingDeadlineTheOfficerGrants() {
        ProcessInstance instance = startAtMissedFilingDecision("D");

        // Saturday 28 March 2026 rolls to Monday 30 March, 17:30
        completeTask(instance, TASK_DECIDE_MISSED_FILING, OFFICER, Map.of(MISSED_FILING_DECISION, GRANT_LATE_FILING,
                LATE_FILING_DEADLINE, "2026-03-28", MISSED_FILING_OPINION, "因系统故障未能报送，准予补报"));

        assertThat(instance).isWaitingAt(TASK_FILE_REPORT).hasPassed(TASK_GRANT_LATE_FILING)
                .hasNotPassed(TASK_GRADE_MISSING_REPORT).variables().containsEntry(FILING_DEADLINE, "2026年3月30日 17:30");
        assertThat(openTask(instance, TASK_FILE_REPORT)).isAssignedTo(APPLICANT_USER)
                .hasDueDate(at("2026-03-30T17:30:00"));
        Job overdue = engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(FILING_OVERDUE).singleResult();
        assertThat(overdue.getDuedate()).isEqualTo(at("2026-03-30T17:30:00"));
        verify(caseFile).record("INC-2026-0001", "system", "LATE_FILING_GRANTED", "准予补报",
                "补报截止 2026年3月30日 17:30：因系统故障未能报送，准予补报");
        verify(register, never()).recordGrade(anyString(), org.mockito.ArgumentMatchers.anyInt(), anyString());

        // missed again: back to the officer, still no grade without a decision
        fireTimer(instance, FILING_OVERDUE, at("2026-03-30T17:31:00"));
        assertThat(instance).isWaitingAt(TASK_DECIDE_MISSED_FILING);
        verify(register, never()).revoke(anyString(), anyString(), anyBoolean(), anyString(), any());
    }

    @Test
    void shouldRequireAFutureLateFilingDeadlineWhenGrantingLateFiling() {
        ProcessInstance instance = startAtMissedFilingDecision("");

        assertThatThrownBy(() -> completeTask(instance, TASK_DECIDE_MISSED_FILING, OFFICER,
                Map.of(MISSED_FILING_DECISION, GRANT_LATE_FILING, MISSED_FILING_OPINION, "准予补报一周")))
                .hasMessageContaining("补报截止日期：必填");
        assertThatThrownBy(() -> completeTask(instance, TASK_DECIDE_MISSED_FILING, OFFICER,
                Map.of(MISSED_FILING_DECISION, GRANT_LATE_FILING, LATE_FILING_DEADLINE, "2026-03-02",
                        MISSED_FILING_OPINION, "准予补报一周")))
                .hasMessageContaining("补报截止日期：应晚于今天");
        assertThat(instance).isWaitingAt(TASK_DECIDE_MISSED_FILING);
    }

    @Test
    void shouldNoticeReapplicationThreeMonthsBeforeTheCertificateRunsOut() {
        ProcessInstance instance = startEvaluation("B");
        fileAndGrade(instance, "A");

        // evaluated on 2 March 2026; the certificate runs out 31 May 2027, before the 2027 round has a chance
        assertThat(instance).isWaitingAt(REAPPLICATION_NOTICE_DUE);
        assertThat(noticeTimer(instance).getDuedate()).isEqualTo(at("2027-02-28T09:00:00"));
        fireTimer(instance, REAPPLICATION_NOTICE_DUE, at("2027-02-28T09:00:00"));

        assertThat(mail.withTemplate("reapplication-notice")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("step", "认定证书到期，请重新申请").containsEntry("deadline", "2027年5月31日"));
        assertThat(instance).isEnded().hasPassed("EndEvent_ReapplicationNoticeSent");
    }

    @Test
    void shouldNoticeAtOnceWhenTheMomentHasPassedAndNoEarlierEvaluationNoticed() {
        ClockUtil.setCurrentTime(at("2027-03-01T09:30:00"));
        ProcessInstance instance = startEvaluation(certificate(NUMBER, LocalDate.of(2024, 6, 1)), 2026, "B");
        fileAndGrade(instance, "A");

        Job timer = noticeTimer(instance);
        assertThat(timer.getDuedate()).isEqualTo(at("2027-02-28T09:00:00"));
        assertThat(engine.getManagementService().createJobQuery().executable().list()).extracting(Job::getId)
                .as("due already: the job executor sends it at once").contains(timer.getId());
        fireTimer(instance, REAPPLICATION_NOTICE_DUE, at("2027-03-01T09:35:00"));
        assertThat(mail.withTemplate("reapplication-notice")).hasSize(1);
    }

    @Test
    void shouldNeverNoticeReapplicationTwice() {
        ProcessInstance evaluation2025 = startEvaluation("B");
        fileAndGrade(evaluation2025, "A");
        fireTimer(evaluation2025, REAPPLICATION_NOTICE_DUE, at("2027-02-28T09:00:00"));

        ClockUtil.setCurrentTime(at("2027-03-01T09:30:00"));
        ProcessInstance evaluation2026 = startEvaluation(certificate(NUMBER, LocalDate.of(2024, 6, 1)), 2026, "A");
        fileAndGrade(evaluation2026, "B");

        assertThat(evaluation2026).isEnded().hasPassed("EndEvent_EvaluationClosed").variables()
                .containsEntry(REAPPLICATION_NOTICE, false);
        assertThat(mail.withTemplate("reapplication-notice")).hasSize(1);
    }

    @Test
    void shouldNotNoticeACertificateRevokedWhileTheNoticeWaited() {
        ProcessInstance instance = startEvaluation("B");
        fileAndGrade(instance, "A");
        Certificate revoked = certificate(NUMBER, LocalDate.of(2024, 6, 1));
        when(register.find(NUMBER)).thenReturn(Optional.of(new Certificate(revoked.number(), revoked.caseNumber(),
                revoked.incubatorName(), revoked.operatorName(), revoked.creditCode(), revoked.track(), revoked.address(),
                revoked.area(), revoked.applicantUser(), revoked.validFrom(), revoked.validUntil(), Certificate.REVOKED, "弄虚作假")));

        fireTimer(instance, REAPPLICATION_NOTICE_DUE, at("2027-02-28T09:00:00"));

        assertThat(instance).isEnded().hasPassed("EndEvent_CertificateNoLongerInForce");
        assertThat(mail.withTemplate("reapplication-notice")).isEmpty();
    }

    /** The round before the one that sends the notice does not; the one that sends it waits for the business date. */
    @ParameterizedTest(name = "valid until {0}: notice on {2}, sent by the evaluation started {1}")
    @CsvSource({
            "2028-01-31, 2027-03-01, 2027-10-31",
            "2028-03-31, 2027-03-01, 2027-12-31",
            "2028-05-31, 2027-03-01, 2028-02-29",
            "2028-12-31, 2028-03-01, 2028-09-30"})
    void shouldNoticeOnTheBusinessDateThreeMonthsBeforeExpiry(LocalDate validUntil, LocalDate round, LocalDate notice) {
        Certificate expiring = new Certificate(NUMBER, "INC-2023-0007", "零号湾创新孵化器", "上海零号湾创业服务有限公司",
                validCreditCode("91310112MA1GB0000"), "HIGH_QUALITY", "上海市闵行区剑川路100号", 12000.0, APPLICANT_USER,
                validUntil.minusYears(3).plusDays(1), validUntil, Certificate.VALID, null);

        ClockUtil.setCurrentTime(at(round.minusYears(1) + "T09:00:00"));
        ProcessInstance yearBefore = startEvaluation(expiring, round.getYear() - 2, "B");
        fileAndGrade(yearBefore, "B");
        assertThat(yearBefore).isEnded().hasPassed("EndEvent_EvaluationClosed");

        ClockUtil.setCurrentTime(at(round + "T09:00:00"));
        ProcessInstance sending = startEvaluation(expiring, round.getYear() - 1, "B");
        fileAndGrade(sending, "B");

        assertThat(sending).isWaitingAt(REAPPLICATION_NOTICE_DUE);
        assertThat(noticeTimer(sending).getDuedate()).isEqualTo(at(notice + "T09:00:00"));
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
        assertThat(timer.getDuedate()).isEqualTo(at("2027-03-01T09:00:00"));
    }
}
