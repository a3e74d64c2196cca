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
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = "bpmn/incubator-change-report.bpmn")
class ChangeReportProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private static final String NUMBER = "闵科孵认〔2025〕4号";

    private Map<String, Object> siteChange(String changeDate) {
        when(register.find(NUMBER)).thenReturn(Optional.of(certificate(NUMBER, LocalDate.of(2025, 5, 1))));
        Map<String, Object> v = new HashMap<>();
        v.put(CERTIFICATE_NUMBER, NUMBER);
        v.put("changeType", "SITE");
        v.put("changeDate", changeDate);
        v.put("newAddress", "上海市闵行区东川路800号");
        v.put("changeDescription", "孵化场地整体搬迁至新址，面积不变。");
        return v;
    }

    private ProcessInstance report(String user, Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(CHANGE_KEY, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    @Test
    void shouldRegisterAChangeThatStillComplies() {
        ProcessInstance instance = report(APPLICANT_USER, siteChange("2026-02-01"));
        runAsyncJobs();
        assertThat(openTask(instance, TASK_REVIEW_CHANGE)).hasCandidateGroup("stc");
        assertThat(instance).variables().containsEntry("lateReport", "否");

        completeTask(instance, TASK_REVIEW_CHANGE, "stc-officer",
                Map.of("changeReviewResult", "STILL_COMPLIANT", "reviewOpinion", "新址经核实符合条件"));

        verify(register).applyChange(NUMBER, null, null, "上海市闵行区东川路800号", null, "INC-2026-0001");
        verify(caseFile).record("INC-2026-0001", APPLICANT_USER, "CHANGE_REPORTED", "报告认定事项变更",
                "变更事项：孵化场地地址；变更日期 2026-02-01；应于 2026-05-01 前报告；按期报告（报告日期 2026-03-02）");
        verify(register, never()).revoke(anyString(), anyString(), anyBoolean(), anyString(), any());
        verify(caseFile).close("INC-2026-0001", "变更已登记，仍符合认定条件", "system");
        assertThat(instance).isEnded();
    }

    @Test
    void shouldRevokeOnTheSupervisorsDecisionAndBanTheOperatorForFraud() {
        ProcessInstance instance = report(APPLICANT_USER, siteChange("2025-10-01"));
        runAsyncJobs();
        assertThat(instance).variables().containsEntry("lateReport", "是：超过变更后3个月才报告")
                .containsEntry("reportDueOn", "2026-01-01");
        verify(caseFile).record("INC-2026-0001", APPLICANT_USER, "CHANGE_REPORTED_LATE", "逾期报告认定事项变更",
                "变更事项：孵化场地地址；变更日期 2025-10-01；应于 2026-01-01 前报告；逾期报告（报告日期 2026-03-02）");

        assertThatThrownBy(() -> completeTask(instance, TASK_REVIEW_CHANGE, "stc-officer",
                Map.of("changeReviewResult", "PROPOSE_REVOCATION", "reviewOpinion", "新址面积不足")))
                .hasMessageContaining("撤销建议理由：必填");
        completeTask(instance, TASK_REVIEW_CHANGE, "stc-officer", Map.of("changeReviewResult", "PROPOSE_REVOCATION",
                "reviewOpinion", "新址面积不足", "revocationProposal", "新址实际面积仅3000平方米，且报告虚报面积"));
        assertThat(openTask(instance, TASK_DECIDE_REVOCATION)).hasCandidateGroup("supervision");

        completeTask(instance, TASK_DECIDE_REVOCATION, "supervisor", Map.of("revocationDecision", "REVOKE",
                "revocationReason", "虚报孵化场地面积", "fraudConfirmed", true));

        verify(register).revoke(eq(NUMBER), eq("虚报孵化场地面积"), eq(true), eq("INC-2026-0001"), any());
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(call -> assertThat(call)
                .containsEntry("outcome", "撤销认定：虚报孵化场地面积（弄虚作假，2年内不得再次申请）"));
        assertThat(instance).isEnded();
    }

    @Test
    void shouldStoreTheNewAreaInTheRegisterWhenTheChangeIsAccepted() {
        // given: a reported change of the incubation area, on the last day of the 3 months
        Map<String, Object> v = siteChange("2025-12-02");
        v.remove("newAddress");
        v.put("changeType", "AREA");
        v.put("newArea", 15000);
        ProcessInstance instance = report(APPLICANT_USER, v);
        runAsyncJobs();
        assertThat(instance).variables().containsEntry("lateReport", "否").containsEntry("reportDueOn", "2026-03-02");

        // when: stc finds it still compliant
        completeTask(instance, TASK_REVIEW_CHANGE, "stc-officer",
                Map.of("changeReviewResult", "STILL_COMPLIANT", "reviewOpinion", "扩租后面积经核实无误"));

        // then: the register holds the new area, nothing else changes
        verify(register).applyChange(NUMBER, null, null, null, 15000.0, "INC-2026-0001");
        assertThat(instance).isEnded();
    }

    @Test
    void shouldRefuseAnAreaChangeWithoutAPositiveArea() {
        Map<String, Object> v = siteChange("2026-02-01");
        v.remove("newAddress");
        v.put("changeType", "AREA");
        assertThatThrownBy(() -> report(APPLICANT_USER, v)).hasMessageContaining("变更后的孵化场地面积：必填");
        v.put("newArea", "很大");
        assertThatThrownBy(() -> report(APPLICANT_USER, v)).hasMessageContaining("孵化场地面积");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }

    @Test
    void shouldAcceptReportsOnlyFromTheHolderWithTheNewValue() {
        assertThatThrownBy(() -> report("applicant2", siteChange("2026-02-01")))
                .hasMessageContaining("只有证书持有单位可以报告变更");
        Map<String, Object> withoutAddress = siteChange("2026-02-01");
        withoutAddress.remove("newAddress");
        assertThatThrownBy(() -> report(APPLICANT_USER, withoutAddress)).hasMessageContaining("变更后的场地地址：必填");
        Map<String, Object> future = siteChange("2026-12-01");
        assertThatThrownBy(() -> report(APPLICANT_USER, future)).hasMessageContaining("变更日期：不能晚于今天");
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
    }
}
