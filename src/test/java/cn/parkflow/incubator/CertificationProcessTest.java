package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.mockito.InOrder;
import cn.parkflow.form.SubmissionRefused;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/incubator-certification.bpmn", "bpmn/incubator-expert-review.bpmn", "bpmn/dmn/incubator-eligibility.dmn",
        "bpmn/dmn/incubator-expert-outcome.dmn", "bpmn/dmn/incubator-site-inspection-routing.dmn"})
class CertificationProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }


    @Test
    void shouldAskTheApplicantForTheDocumentsBeforeTheClockStarts() {
        ProcessInstance instance = submit(application());

        assertThat(instance).isWaitingAt(TASK_UPLOAD_DOCUMENTS);
        assertThat(openTask(instance, TASK_UPLOAD_DOCUMENTS)).isAssignedTo(APPLICANT_USER)
                .hasDueDate(at("2026-03-09T17:30:00"));
        verify(clock, never()).start(any(), any());
        org.assertj.core.api.Assertions.assertThat(statuses).containsEntry("INC-2026-0001", "DOCUMENT_UPLOAD");
    }

    @Test
    void shouldCertifyAQualifyingIncubatorFromSubmissionToCertificate() {
        ProcessInstance instance = start(application());
        assertThat(instance).hasBusinessKey("INC-2026-0001");
        runAsyncJobs();
        verify(clock).start(KEY, "INC-2026-0001");

        assertThat(instance).isWaitingAt(TASK_FORMAL_CHECK);
        Task formalCheck = openTask(instance, TASK_FORMAL_CHECK);
        assertThat(formalCheck).hasCandidateGroup("stc").hasDueDate(at("2026-03-09T17:30:00"));
        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer", Map.of("formalCheckResult", "COMPLETE"));
        org.assertj.core.api.Assertions.assertThat(mail.withTemplate("case-accepted")).singleElement()
                .satisfies(call -> org.assertj.core.api.Assertions.assertThat(call).containsEntry("mailTo", APPLICANT_USER));

        assertThat(instance).isWaitingAt(TASK_CONFIRM_ELIGIBILITY).variables()
                .containsEntry("reachableTrack", "HIGH_QUALITY").containsEntry("eligible", true)
                .containsEntry("failedCriteria", "无");
        confirmEligible(instance);

        org.assertj.core.api.Assertions.assertThat(engine.getTaskService().createTaskQuery()
                .taskDefinitionKey(TASK_DECLARE_CONFLICT).taskCandidateGroup("experts").count()).isEqualTo(5);
        scoreByPanel(instance, 80, 75);
        assertThat(instance).variables().containsEntry("expertMeanScore", 79.0).containsEntry("expertMinScore", 75.0)
                .containsEntry("expertReviewPassed", true);

        assertThat(instance).isWaitingAt(TASK_INSPECT_SITE);
        assertThat(openTask(instance, TASK_INSPECT_SITE)).hasCandidateGroup("stc").hasCandidateGroup("zerobay");
        inspectSite(instance, "CONFIRMED", null);

        assertThat(openTask(instance, TASK_DECIDE)).hasCandidateGroup("supervision");
        verify(clock, never()).stop(any(), any());
        decide(instance, "APPROVE", null);
        verify(clock).stop("INC-2026-0001", "system");
        Date noticeEnds = at("2026-03-09T17:30:00");
        assertThat(instance).isWaitingAt(TASK_RECEIVE_OBJECTIONS).variables().containsEntry("noticeEndsAt", noticeEnds);
        org.assertj.core.api.Assertions.assertThat(mail.withTemplate("decision")).singleElement()
                .satisfies(call -> org.assertj.core.api.Assertions.assertThat(call).containsEntry("deadline", noticeEnds));

        fireTimer(instance, NOTICE_PERIOD_ENDED, new Date(noticeEnds.getTime() + 60_000));
        assertThat(instance).isEnded().hasPassed(END_CERTIFIED).variables()
                .containsEntry(CERTIFICATE_NUMBER, "闵科孵认〔2026〕1号")
                .containsEntry(CERTIFICATE_VALID_UNTIL, "2029-03-08")
                .containsEntry(CERTIFIED_TRACK, "HIGH_QUALITY").containsEntry(CERTIFIED_TRACK_LABEL, "高质量孵化器");
        // the register keeps the area the site inspection verified
        verify(register).issue(org.mockito.ArgumentMatchers.argThat(draft -> Double.valueOf(11800.0).equals(draft.area())),
                eq(LocalDate.of(2026, 3, 9)));
        org.assertj.core.api.Assertions.assertThat(mail.withTemplate("certificate-issued")).hasSize(1);
        verify(caseFile).close("INC-2026-0001", "已认定：闵科孵认〔2026〕1号，有效期至 2029-03-08", "system");
        verify(caseFile).record(eq("INC-2026-0001"), eq("expert1"), eq("TASK_COMPLETED"), eq("专家评分"), any());
        verify(caseFile).record("INC-2026-0001", "supervisor", "TASK_COMPLETED", "区级认定决定", "认定决定：同意认定，进入公示");
        InOrder stages = inOrder(caseFile);
        for (String stage : List.of("FORMAL_CHECK", "ELIGIBILITY_CHECK", "EXPERT_REVIEW", "SITE_INSPECTION",
                "DISTRICT_DECISION", IncubatorCase.STATUS_PUBLIC_NOTICE)) {
            stages.verify(caseFile).changeStatus("INC-2026-0001", stage, "system");
        }
    }

    @Test
    void shouldCertifyAnUpgradeAsAnUpgradeNotAsAHighQualityIncubator() {
        // given: an UPGRADE application (its pre-check reached HIGH_QUALITY, which covers every track)
        // whose public notice has just ended
        Map<String, Object> v = new java.util.HashMap<>(application());
        v.put(REQUESTED_TRACK, "UPGRADE");
        v.put("reachableTrack", "HIGH_QUALITY");
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT_USER);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY)
                .setVariables(v).startBeforeActivity("Task_IssueCertificate").execute();
        engine.getIdentityService().clearAuthentication();

        // when: the certificate is issued
        runAsyncJobs();

        // then: the register, the case and the mail say 转型升级孵化器, not 高质量孵化器
        org.mockito.ArgumentCaptor<Certificate> issued = org.mockito.ArgumentCaptor.forClass(Certificate.class);
        verify(register).issue(issued.capture(), any());
        org.assertj.core.api.Assertions.assertThat(issued.getValue().track()).isEqualTo("UPGRADE");
        org.assertj.core.api.Assertions.assertThat(issued.getValue().trackLabel()).isEqualTo("转型升级孵化器");
        org.assertj.core.api.Assertions.assertThat(issued.getValue().area()).isEqualTo(12000.0); // no inspection: as applied
        assertThat(instance).isEnded().hasPassed(END_CERTIFIED).variables()
                .containsEntry(CERTIFIED_TRACK, "UPGRADE").containsEntry(CERTIFIED_TRACK_LABEL, "转型升级孵化器");
        org.assertj.core.api.Assertions.assertThat(mail.withTemplate("certificate-issued")).singleElement()
                .satisfies(call -> org.assertj.core.api.Assertions.assertThat(call)
                        .containsEntry("certificateKind", "转型升级孵化器"));
    }

    @Test
    void shouldRefuseAnApplicationBeforeTheCallOpensOnTheShanghaiBusinessDate() {
        // given: the call for applications opens on Wed 1 April 2026
        ApplicationWindow call = new ApplicationWindow(1, "2026年度高质量孵化器认定申报通知",
                LocalDate.of(2026, 4, 1), LocalDate.of(2026, 4, 21), "stc-officer");
        when(windows.refusalOn(any())).thenAnswer(ask -> ApplicationWindow.refusal(List.of(call), ask.getArgument(0)));

        // when: submitted at 23:30 on 31 March in Shanghai (15:30 UTC)
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2026-03-31T23:30:00"));

        // then: refused with the window's dates, no case opened, nothing started
        assertThatThrownBy(() -> start(application())).isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("当前不在申报期内").hasMessageContaining("2026年4月1日至2026年4月21日");
        verify(caseFile, never()).open(any(), any());
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();

        // and: an hour later it is 1 April in Shanghai (still 31 March in UTC): accepted
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2026-04-01T00:30:00"));
        assertThat(start(application())).hasBusinessKey("INC-2026-0001");
    }

    @Test
    void shouldRefuseAnOperatorBannedForFraudAtSubmissionWithTheDateItMayApplyAgain() {
        when(bans.bannedUntil(any(), any())).thenReturn(Optional.of(LocalDate.of(2027, 6, 1)));

        assertThatThrownBy(() -> start(application()))
                .isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("2027年6月1日起方可再次申请");
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void shouldRejectAStartFormWithAWrongCreditCodeCheckCharacter() {
        Map<String, Object> variables = application();
        String code = (String) variables.get("creditCode");
        variables.put("creditCode", code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'));
        variables.put("area", 5000.0);
        variables.put("incubateeArea", 6000.0);

        assertThatThrownBy(() -> start(variables)).isInstanceOf(SubmissionRefused.class)
                .hasMessageContaining("统一社会信用代码：统一社会信用代码无效")
                .hasMessageContaining("在孵企业使用面积不能大于孵化场地面积");
        org.assertj.core.api.Assertions.assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void shouldEndAsNotEligibleWithTheFailedCriteriaAndRefuseAnOverride() {
        Map<String, Object> variables = application();
        variables.put("area", 8000.0);
        variables.put("incubateeArea", 7000.0);
        ProcessInstance instance = startAndAccept(variables);
        assertThat(instance).variables().containsEntry("reachableTrack", "CULTIVATION").containsEntry("eligible", false)
                .containsEntry("failedCriteria", "孵化场地面积不足10000平方米");

        assertThatThrownBy(() -> completeTask(instance, TASK_CONFIRM_ELIGIBILITY, "stc-officer",
                Map.of("eligibilityDecision", "ELIGIBLE")))
                .hasMessageContaining("系统预审未达到所申报类别的条件");
        assertThatThrownBy(() -> completeTask(instance, TASK_CONFIRM_ELIGIBILITY, "stc-officer",
                Map.of("eligibilityDecision", "NOT_ELIGIBLE")))
                .hasMessageContaining("不符合的理由：必填");
        assertThat(instance).isWaitingAt(TASK_CONFIRM_ELIGIBILITY);

        completeTask(instance, TASK_CONFIRM_ELIGIBILITY, "stc-officer", Map.of("eligibilityDecision", "NOT_ELIGIBLE",
                "eligibilityOpinion", "孵化场地面积不足10000平方米，可申报高质量培育孵化器"));
        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        verify(caseFile).close("INC-2026-0001", "不予认定：不符合申报条件：孵化场地面积不足10000平方米，可申报高质量培育孵化器", "system");
        org.assertj.core.api.Assertions.assertThat(mail.withTemplate("case-closed")).singleElement()
                .satisfies(call -> org.assertj.core.api.Assertions.assertThat((String) call.get("reason"))
                        .startsWith("不符合申报条件："));
    }

    @Test
    void shouldFailTheExpertReviewWhenOneExpertScoresBelowSixty() {
        ProcessInstance instance = startAndAccept(application());
        confirmEligible(instance);
        scoreByPanel(instance, 90, 55);

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        verify(caseFile).close(eq("INC-2026-0001"), startsWith("不予认定：专家评审未通过：有专家评分低于60分（一票否决）（平均分 83.0，最低分 55.0）"),
                eq("system"));
    }

    @Test
    void shouldRejectOnAMaterialDiscrepancyFoundOnSite() {
        ProcessInstance instance = startAndAccept(application());
        confirmEligible(instance);
        scoreByPanel(instance, 80, 80);

        assertThatThrownBy(() -> inspectSite(instance, "MATERIAL_DISCREPANCY", null))
                .hasMessageContaining("不一致情况：必填");
        inspectSite(instance, "MATERIAL_DISCREPANCY", "实际孵化面积仅6000平方米");

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        verify(caseFile).close("INC-2026-0001", "不予认定：实地核查发现重大不一致：实际孵化面积仅6000平方米", "system");
        verify(clock).stop("INC-2026-0001", "system"); // a closed case's clock must not expire
    }

    @Test
    void shouldCloseTheCaseWithTheDistrictsReasonWhenTheDecisionIsNo() {
        ProcessInstance instance = startAndAccept(application());
        confirmEligible(instance);
        scoreByPanel(instance, 80, 80);
        inspectSite(instance, "CONFIRMED", null);

        decide(instance, "REJECT", "本年度名额已满");

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
        verify(caseFile).close("INC-2026-0001", "不予认定：区级认定未通过：本年度名额已满", "system");
        verify(clock).stop("INC-2026-0001", "system");
    }

    @Test
    void shouldInterruptTheNoticeOnAnObjectionAndDecideAgainAfterTheInvestigation() {
        ProcessInstance instance = startAndAccept(application());
        confirmEligible(instance);
        scoreByPanel(instance, 80, 80);
        inspectSite(instance, "CONFIRMED", null);
        decide(instance, "APPROVE", null);

        ClockUtil_at("2026-03-05T10:00:00");
        assertThatThrownBy(() -> completeTask(instance, TASK_RECEIVE_OBJECTIONS, "stc-officer",
                Map.of("objectionReceivedOn", "2026-03-05", "objectionSummary", "该孵化器在孵企业数量存在虚报情况。")))
                .hasMessageContaining("匿名且无证据的异议不予受理");
        completeTask(instance, TASK_RECEIVE_OBJECTIONS, "stc-officer", Map.of("objectionReceivedOn", "2026-03-05",
                "objectorName", "王五", "objectionSummary", "该孵化器在孵企业数量存在虚报情况。"));
        assertThat(instance).isWaitingAt(TASK_INVESTIGATE_OBJECTION);
        org.assertj.core.api.Assertions.assertThat(engine.getManagementService().createJobQuery()
                .activityId(NOTICE_PERIOD_ENDED).count()).as("the notice timer is gone").isZero();

        completeTask(instance, TASK_INVESTIGATE_OBJECTION, "stc-officer", Map.of("objectionFounded", "UNFOUNDED",
                "investigationFindings", "经核实在孵企业名单与工商登记一致，异议不成立。"));
        assertThat(instance).isWaitingAt(TASK_DECIDE);
        decide(instance, "APPROVE", null);
        assertThat(instance).isWaitingAt(TASK_RECEIVE_OBJECTIONS).variables()
                .containsEntry("noticeEndsAt", at("2026-03-12T17:30:00"));

        fireTimer(instance, NOTICE_PERIOD_ENDED, at("2026-03-12T17:31:00"));
        assertThat(instance).isEnded().hasPassed(END_CERTIFIED);
    }

    @Test
    void shouldNotApproveOverAFoundedObjectionWithoutAWrittenAnswer() {
        // given: the investigation found the objection founded and the case is back at the decision
        Map<String, Object> variables = new HashMap<>(application());
        variables.putAll(Map.of("objectionSummary", "在孵企业数量虚报。", "objectionFounded", "FOUNDED",
                "investigationFindings", "经核实有3家在孵企业已迁出，仍计入在孵企业数。"));
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT_USER);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY)
                .setVariables(variables).startBeforeActivity(TASK_DECIDE).execute();
        engine.getIdentityService().clearAuthentication();

        // when / then: approving without an answer is refused, with one it goes to the notice
        assertThatThrownBy(() -> decide(instance, "APPROVE", null))
                .hasMessageContaining("审批意见：公示异议经调查成立，仍同意认定的须书面说明理由");
        assertThat(instance).isWaitingAt(TASK_DECIDE);
        completeTask(instance, TASK_DECIDE, "supervisor", Map.of("certificationDecision", "APPROVE",
                "decisionOpinion", "迁出企业剔除后在孵企业数仍达标准，异议不影响认定。"));
        assertThat(instance).isWaitingAt(TASK_RECEIVE_OBJECTIONS);
    }

    @Test
    void shouldRejectOverAFoundedObjectionWithTheReasonAlone() {
        Map<String, Object> variables = new HashMap<>(application());
        variables.put("objectionFounded", "FOUNDED");
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT_USER);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY)
                .setVariables(variables).startBeforeActivity(TASK_DECIDE).execute();
        engine.getIdentityService().clearAuthentication();

        decide(instance, "REJECT", "异议成立，在孵企业数不达标。");
        runAsyncJobs();

        assertThat(instance).isEnded().hasPassed(END_REJECTED);
    }

    private static void ClockUtil_at(String isoDateTime) {
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at(isoDateTime));
    }
}
