package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.security.CurrentUser;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the IP case, achievement-conversion and key-task models declare for 退回 and 审批意见, on the
 * engine: each case is put at the step under test (instance modification, as an operator would), then
 * one internal 退回 (the statutory clock is not paused: the step is re-entered itself, no clock step)
 * and one negative outcome refused without its 审批意见. None of the three has an applicant 补正 step,
 * so none of their returns pauses a clock.
 */
@Deployment(resources = {"bpmn/ip-protection-case.bpmn", "bpmn/achievement-conversion.bpmn", "bpmn/key-task.bpmn"})
class DeclaredProcessActionsEngineTest extends ApprovalEngineFixture {

    static final CurrentUser IP_OFFICER = new CurrentUser("ip-station-officer", Set.of("ip-station"));

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected void wireProcess() {
        super.wireProcess();
        ensureUser(IP_OFFICER);
    }

    ReturnAction returns() {
        return new ReturnAction(tasks, engine.getRuntimeService(), engine.getTaskService(), engine.getHistoryService(),
                caseFile, asServer, records);
    }

    /**
     * A case of the process waiting at the steps, with the variables they read; put there as an
     * operator would, skipping the listeners of the way in (the start form's checks, the intake).
     */
    ProcessInstance waitingAt(String processKey, String number, Map<String, Object> variables, String... stepIds) {
        var builder = engine.getRuntimeService().createProcessInstanceByKey(processKey).businessKey(number)
                .setVariables(variables);
        for (String stepId : stepIds) {
            builder.startBeforeActivity(stepId);
        }
        return builder.execute(true, true);
    }

    /** Returns the step as its holder and gives the steps open afterwards. */
    void returnAs(CurrentUser user, Task task, String targetStep, String reason) {
        claim(task, user.id());
        as(user, () -> returns().returnTo(user, task.getId(), targetStep, reason));
    }

    Map<String, Object> complete(String... pairs) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return values;
    }

    // IP case

    /** The right holder's request as the start form takes it. */
    static Map<String, Object> ipCase() {
        return Map.of("applicantName", "上海零号湾智能科技有限公司", "applicantPhone", "021-54740000", "ipType", "TRADEMARK",
                "rightNumber", "第12345678号", "rightStatus", "VALID", "serviceRequested", "ENFORCEMENT",
                "counterpartyName", "某电子商务有限公司", "facts", "被申请人在电商平台销售仿冒产品。", "infringementSetting", "ONLINE");
    }

    @Test
    void shouldReturnAnIpCaseFromTriageToIntakeWithoutPausingAndRefuseTheAcceptanceDecisionAsTarget() {
        ProcessInstance instance = waitingAt("ip-protection-case", "IP-2026-0001", ipCase(), "Task_TriageCase");
        Task triage = task(instance, "Task_TriageCase");

        assertThat(returns().targetsOf(tasks.open(triage.getId())).keySet()).containsExactly("Task_RegisterIntake");
        assertThatThrownBy(() -> returns().returnTo(IP_OFFICER, triage.getId(), "Task_DecideAcceptance", "重新审查"))
                .isInstanceOf(ActionRefused.class).hasMessageContaining("流程未声明它为本环节之前可退回的环节");
        returnAs(IP_OFFICER, triage, "Task_RegisterIntake", "权利编号登记有误");

        assertThat(openSteps(instance)).containsExactly("Task_RegisterIntake");
        assertThat(clockPauses).as("an internal 退回 does not pause the statutory clock").isEmpty();
    }

    @Test
    void shouldRefuseNotAcceptingAnIpCaseWithoutTheReason() {
        ProcessInstance instance = waitingAt("ip-protection-case", "IP-2026-0002", ipCase(), "Task_DecideAcceptance");

        assertThatThrownBy(() -> completeTask(instance, "Task_DecideAcceptance", IP_OFFICER.id(),
                complete("acceptanceDecision", "OUT_OF_SCOPE")))
                .hasMessageContaining("审查是否受理未能提交：不予受理的理由：作出否定结论时必须填写审批意见");
        assertThat(openSteps(instance)).containsExactly("Task_DecideAcceptance");
    }

    // achievement conversion

    /** The university's lead as the start form takes it, and who tracks it. */
    static Map<String, Object> tracking() {
        Map<String, Object> lead = new HashMap<>(Map.of("institution", "sjtu-tto", "projectTitle", "脑机接口柔性电极",
                "principalInvestigator", "张教授", "field", "BRAIN_COMPUTER_INTERFACE", "trl", 4, "ipList", "ZL202310001234.5",
                "summary", "柔性高通量脑机接口电极", "contactPhone", "021-54740000", "contactEmail", "tto@sjtu.example.cn"));
        lead.putAll(Map.of("technologyManager", OFFICER.id(), "managerDepartment", "stc", "districtLiaison", COLLEAGUE.id(),
                "conceptVerificationDays", 20));
        return lead;
    }

    @Test
    void shouldReturnAConversionFromConceptVerificationToTheNeedsDiagnosisOfTheSameManager() {
        ProcessInstance instance = waitingAt("achievement-conversion", "ACV-2026-0001", tracking(), "Task_VerifyConcept");
        Task verification = task(instance, "Task_VerifyConcept");

        assertThat(returns().targetsOf(tasks.open(verification.getId())).keySet())
                .containsExactlyInAnyOrder("Task_DiagnoseNeeds", "Task_AssignManager");
        as(OFFICER, () -> returns().returnTo(OFFICER, verification.getId(), "Task_DiagnoseNeeds", "资金需求未测算"));

        assertThat(openSteps(instance)).containsExactly("Task_DiagnoseNeeds");
        assertThat(task(instance, "Task_DiagnoseNeeds").getAssignee()).isEqualTo(OFFICER.id());
        assertThat(clockPauses).isEmpty();
    }

    @Test
    void shouldRefuseStoppingAConversionWithoutTheExplanation() {
        ProcessInstance instance = waitingAt("achievement-conversion", "ACV-2026-0002", tracking(), "Task_VerifyConcept");

        assertThatThrownBy(() -> completeTask(instance, "Task_VerifyConcept", OFFICER.id(), complete(
                "verificationPlatform", "大零号湾概念验证中心", "technicalVerdict", "FAIL", "marketVerdict", "FAIL",
                "conceptDecision", "STOP", "nextMilestone", "无", "nextMilestoneDate", "2026-08-31")))
                .hasMessageContaining("开展概念验证（双验证）未能提交：迭代或终止的说明：作出否定结论时必须填写审批意见");
        assertThat(openSteps(instance)).containsExactly("Task_VerifyConcept");
    }

    @Test
    void shouldRefuseReturningOneBranchOfTheParallelLandingServices() {
        Map<String, Object> variables = new HashMap<>(tracking());
        variables.put("landingDueAt", at("2026-04-30T17:30:00"));
        ProcessInstance instance = waitingAt("achievement-conversion", "ACV-2026-0003", variables,
                "Task_ProvidePolicyService", "Task_ProvideTalentService");
        Task policy = task(instance, "Task_ProvidePolicyService");
        claim(policy, OFFICER.id());

        assertThatThrownBy(() -> returns().returnTo(OFFICER, policy.getId(), "Task_DiagnoseNeeds", "需求有变"))
                .isInstanceOf(ActionRefused.class)
                .hasMessage("「落实政策服务」与其他环节并行办理（落实人才服务），不能单独退回。");
        assertThat(openSteps(instance)).containsExactly("Task_ProvidePolicyService", "Task_ProvideTalentService");
    }

    // key task

    static Map<String, Object> keyTask() {
        return Map.of("leadDepartment", "econ", "assessmentDue", at("2027-02-26T17:30:00"));
    }

    @Test
    void shouldReturnAKeyTaskFromThePanelToTheFigureCheckOfStats() {
        ProcessInstance instance = waitingAt("key-task", "KT-2026-0005", keyTask(), "Task_AppointPanel");
        Task panel = task(instance, "Task_AppointPanel");

        assertThat(returns().targetsOf(tasks.open(panel.getId())).keySet()).containsExactly("Task_CheckFigures");
        returnAs(OFFICER, panel, "Task_CheckFigures", "核定指标值与统计年报不一致");

        assertThat(openSteps(instance)).containsExactly("Task_CheckFigures");
        assertThat(engine.getTaskService().getIdentityLinksForTask(task(instance, "Task_CheckFigures").getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("stats"));
        assertThat(clockPauses).isEmpty();
    }

    @Test
    void shouldRefuseReturningAKeyTaskPlanWithoutTheReviewOpinion() {
        ProcessInstance instance = waitingAt("key-task", "KT-2026-0006", keyTask(), "Task_ReviewPlan");

        assertThatThrownBy(() -> completeTask(instance, "Task_ReviewPlan", OFFICER.id(), complete("planDecision", "RETURN")))
                .hasMessageContaining("审核实施方案未能提交：审核意见：作出否定结论时必须填写审批意见");
        assertThat(openSteps(instance)).containsExactly("Task_ReviewPlan");
    }
}
