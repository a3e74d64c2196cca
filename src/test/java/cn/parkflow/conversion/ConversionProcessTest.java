package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.CaseFile;
import org.camunda.bpm.engine.ProcessEngineException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stages of a conversion project (DOMAIN.md §5): registration to closure, and each detour from
 * where it starts: a declined lead, concept verification iterating and stopping, the rights rules,
 * the pricing routes, a project that does not land, withdrawal from the middle.
 */
@Deployment(resources = {ConversionProcessSupport.MODEL, ConversionProcessSupport.COORDINATION_DMN,
        ConversionProcessSupport.GRADUATION_DMN, ConversionProcessSupport.WITHDRAWAL_MODEL})
class ConversionProcessTest extends ConversionProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Test
    void shouldTrackAProjectFromRegistrationToGraduation() {
        // given a lead registered by the transfer office on Monday 2026-03-02
        ProcessInstance instance = register();
        String number = instance.getBusinessKey();
        assertThat(number).matches("CONV-2026-\\d{4}");
        assertThat(instance).isWaitingAt(TASK_ACCEPT_LEAD).task().hasCandidateGroup("stc")
                .hasDueDate(at("2026-03-09T17:30:00"));
        assertThat(statuses.get(number)).isEqualTo(ConversionCaseStages.LEAD_REVIEW);

        // when stc accepts, the registrant hears by mail and a manager and liaison are named within 2 working days
        accept(instance);
        assertThat(mail.withTemplate("case-accepted")).singleElement()
                .satisfies(m -> assertThat(m.get("mailTo")).isEqualTo(TTO_USER));
        assertThat(instance).isWaitingAt(TASK_ASSIGN_MANAGER).task().hasCandidateGroup("stc")
                .hasDueDate(at("2026-03-04T17:30:00"));
        assignManager(instance);

        // then the manager holds the diagnosis by name, with the institution as the fallback queue, 10 working days
        assertThat(instance).isWaitingAt(TASK_DIAGNOSE).task().isAssignedTo(MANAGER).hasDueDate(at("2026-03-16T17:30:00"));
        assertThat(candidateGroups(openTask(instance, TASK_DIAGNOSE))).containsExactly("sjtu-tto");
        diagnose(instance);
        assertThat(statuses.get(number)).isEqualTo(ConversionCaseStages.CONCEPT_VERIFICATION);
        verifyConcept(instance, "PASS", "PASS", "GO");
        assertThat(instance).isWaitingAt(TASK_ARRANGE_RIGHTS).task().hasCandidateGroup("sjtu-tto");
        arrangeRights(instance, "VALUATION");
        completeTask(instance, TASK_OBTAIN_VALUATION, TTO_USER, Map.of("valuationAgency", "上海东洲资产评估有限公司",
                "agreedPrice", 800));
        assertThat(instance).isWaitingAt(TASK_REGISTER_CONTRACT);
        registerContract(instance);

        // landing: five departments, each its own task, one 30-day deadline
        runAsyncJobs();
        assertThat(statuses.get(number)).isEqualTo(ConversionCaseStages.LANDING);
        for (String step : LANDING_TASKS) {
            assertThat(openTask(instance, step).getDueDate()).isEqualTo(variable(instance, LANDING_DUE_AT));
        }
        assertThat(openTask(instance, TASK_PROVIDE_SPACE)).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("zerobay"));
        assertThat(openTask(instance, TASK_PROVIDE_TALENT)).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("hrss"));
        assertThat(openTask(instance, TASK_PROVIDE_FUNDING)).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("finance"));
        assertThat(openTask(instance, TASK_REGISTER_COMPANY)).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("amr"));
        assertThat(openTask(instance, TASK_PROVIDE_POLICY)).satisfies(t -> assertThat(candidateGroups(t)).containsExactly("stc"));
        for (String step : LANDING_TASKS) {
            completeTask(instance, step, step + "-officer", landingAnswer(step));
        }
        assertThat(instance).isWaitingAt(TASK_CONFIRM_LANDING).task().isAssignedTo(LIAISON);
        assertThat(variable(instance, HostingIncubators.CERTIFICATE_NUMBER)).isEqualTo("闵科孵认〔2025〕3号");
        completeTask(instance, TASK_CONFIRM_LANDING, LIAISON, Map.of("landed", "YES", "landingDate", "2026-04-20"));

        // pilot with econ and planning
        assertThat(statuses.get(number)).isEqualTo(ConversionCaseStages.PILOT);
        assertThat(candidateGroups(openTask(instance, TASK_PILOT_INDUSTRY))).containsExactly("econ");
        assertThat(candidateGroups(openTask(instance, TASK_PILOT_SPACE))).containsExactly("planning");
        runAsyncJobs();

        // the quarter's report: the company became a high-tech enterprise; then the pilot ends
        completeTask(instance, TASK_PILOT_INDUSTRY, "econ-officer", Map.of("pilotIndustrySupport", "纳入区中试项目库"));
        fireTimer(instance, QUARTER_STARTED, at("2026-04-01T09:00:00"));
        assertThat(openTask(instance, TASK_REPORT_QUARTER).getAssignee()).isEqualTo(MANAGER);
        completeTask(instance, TASK_REPORT_QUARTER, MANAGER, quarterlyReport(true, 900, 300, "NONE"));
        completeTask(instance, TASK_PILOT_SPACE, "planning-officer", Map.of("pilotSpaceSupport", "中试厂房800平方米"));

        // close: the graduation table finds the criterion, stc closes the project as graduated
        assertThat(instance).isWaitingAt(TASK_CLOSE_PROJECT).task().hasCandidateGroup("stc");
        assertThat(statuses.get(number)).isEqualTo(ConversionCaseStages.CLOSING);
        assertThat(variable(instance, GRADUATION_CRITERION)).isEqualTo("HIGH_TECH");
        completeTask(instance, TASK_CLOSE_PROJECT, "stc-officer", Map.of(CLOSURE_OUTCOME, "GRADUATED"));

        assertThat(instance).isEnded().hasPassed(END_CLOSED);
        verify(caseFile).close(number, "结项：毕业（高新技术企业）", CaseFile.SYSTEM);
        assertThat(mail.withTemplate("case-closed")).singleElement()
                .satisfies(m -> assertThat(m.get("mailTo")).isEqualTo(TTO_USER));
    }

    @Test
    void shouldDeclineALeadWithAReasonAndTellTheRegistrant() {
        ProcessInstance instance = register();

        assertThatThrownBy(() -> completeTask(instance, TASK_ACCEPT_LEAD, "stc-officer", Map.of("leadDecision", "DECLINE")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不予纳入的理由：必填");
        completeTask(instance, TASK_ACCEPT_LEAD, "stc-officer", Map.of("leadDecision", "DECLINE",
                "declineReason", "成果尚处于基础研究阶段，暂无转化条件"));

        assertThat(instance).isEnded().hasPassed(END_DECLINED);
        verify(caseFile).close(instance.getBusinessKey(), "不予纳入成果转化跟踪库：成果尚处于基础研究阶段，暂无转化条件",
                CaseFile.SYSTEM);
        assertThat(mail.withTemplate("decision")).singleElement().satisfies(m -> {
            assertThat(m.get("mailTo")).isEqualTo(TTO_USER);
            assertThat(m.get("reason")).isEqualTo("成果尚处于基础研究阶段，暂无转化条件");
        });
    }

    @Test
    void shouldRefuseALeadOfAnotherInstitutionAndOpenNoCase() {
        Map<String, Object> lead = lead();
        lead.put(INSTITUTION, "ecnu-tto");

        assertThatThrownBy(() -> start(KEY, TTO_USER, lead)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("只能以本人所在的技术转移机构登记线索");
        lead.put(INSTITUTION, "sjtu-tto");
        lead.put("trl", 10);
        assertThatThrownBy(() -> start(KEY, TTO_USER, lead)).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("技术成熟度");
        verify(caseFile, never()).open(org.mockito.ArgumentMatchers.any(), anyString());
    }

    @Test
    void shouldIterateConceptVerificationUntilBothVerdictsPass() {
        ProcessInstance instance = startAt(TASK_VERIFY_CONCEPT, Map.of());

        verifyConcept(instance, "PASS", "FAIL", "ITERATE");
        assertThat(instance).isWaitingAt(TASK_VERIFY_CONCEPT).task().isAssignedTo(MANAGER);
        assertThatThrownBy(() -> verifyConcept(instance, "PASS", "FAIL", "GO")).isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("双验证");
        verifyConcept(instance, "PASS", "PASS", "GO");

        assertThat(instance).isWaitingAt(TASK_ARRANGE_RIGHTS);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_VERIFY_CONCEPT).finished().count()).isEqualTo(2);
    }

    @Test
    void shouldCloseAsFailedWhenConceptVerificationStops() {
        ProcessInstance instance = startAt(TASK_VERIFY_CONCEPT, Map.of());

        verifyConcept(instance, "FAIL", "FAIL", "STOP");

        assertThat(instance).isWaitingAt(TASK_CLOSE_PROJECT);
        assertThat(variable(instance, GRADUATION_CRITERION)).isEqualTo("NONE");
        assertThatThrownBy(() -> completeTask(instance, TASK_CLOSE_PROJECT, "stc-officer", Map.of(CLOSURE_OUTCOME, "GRADUATED")))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("未达到毕业条件");
        completeTask(instance, TASK_CLOSE_PROJECT, "stc-officer", Map.of(CLOSURE_OUTCOME, "FAILED",
                "closureNote", "概念验证未通过"));
        assertThat(instance).isEnded();
        verify(caseFile).close(instance.getBusinessKey(), "结项：转化失败", CaseFile.SYSTEM);
    }

    @Test
    void shouldRequireAUseRightOfAtLeastTenYears() {
        ProcessInstance instance = startAt(TASK_ARRANGE_RIGHTS, Map.of());
        Map<String, Object> v = new HashMap<>(Map.of("rightsArrangement", "USE_RIGHT", "useRightYears", 8,
                "conversionMode", "LICENCE", "pricingRoute", "EXCHANGE"));

        assertThatThrownBy(() -> completeTask(instance, TASK_ARRANGE_RIGHTS, TTO_USER, v))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("不少于10年");
        v.put("useRightYears", 10);
        completeTask(instance, TASK_ARRANGE_RIGHTS, TTO_USER, v);

        assertThat(instance).isWaitingAt(TASK_TRADE_ON_EXCHANGE).task().hasCandidateGroup("sjtu-tto");
    }

    @Test
    void shouldNameTheHostingIncubatorFromTheRegisterAndKeepItsNumber() {
        ProcessInstance instance = startAt(TASK_PROVIDE_SPACE, Map.of(LANDING_DUE_AT, at("2026-11-09T17:30:00")));
        Map<String, Object> v = new HashMap<>(landingAnswer(TASK_PROVIDE_SPACE));
        v.put(HostingIncubators.NAME, "闵行某众创空间");

        assertThatThrownBy(() -> completeTask(instance, TASK_PROVIDE_SPACE, "zerobay-officer", v))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("所在认定孵化器：“闵行某众创空间”不是孵化器登记册中有效的认定孵化器");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), HostingIncubators.CERTIFICATE_NUMBER)).isNull();

        // by its certificate number: the register's name is kept beside it
        v.put(HostingIncubators.NAME, "闵科孵认〔2025〕3号");
        completeTask(instance, TASK_PROVIDE_SPACE, "zerobay-officer", v);

        assertThat(variable(instance, HostingIncubators.NAME)).isEqualTo("零号湾硬科技孵化器");
        assertThat(variable(instance, HostingIncubators.CERTIFICATE_NUMBER)).isEqualTo("闵科孵认〔2025〕3号");
    }

    @Test
    void shouldEndAsNotLandedWhenTheCompanyDoesNotSettleInThePark() {
        ProcessInstance instance = startAt(TASK_CONFIRM_LANDING, Map.of("companyName", "上海柔电科技有限公司"));

        completeTask(instance, TASK_CONFIRM_LANDING, LIAISON, Map.of("landed", "NO", "notLandedReason", "企业选择落户苏州"));

        assertThat(instance).isWaitingAt(TASK_CLOSE_PROJECT);
        completeTask(instance, TASK_CLOSE_PROJECT, "stc-officer", Map.of(CLOSURE_OUTCOME, "LEFT", "closureNote", "企业落户外区"));
        verify(caseFile).close(instance.getBusinessKey(), "结项：迁出或未落地园区", CaseFile.SYSTEM);
    }

    @Test
    void shouldWithdrawAProjectFromTheMiddleWithItsReason() {
        ProcessInstance instance = startAt(TASK_ARRANGE_RIGHTS, Map.of());

        engine.getRuntimeService().createMessageCorrelation(WITHDRAWAL_MESSAGE)
                .processInstanceBusinessKey(instance.getBusinessKey())
                .setVariable(WITHDRAWAL_REASON, "课题组决定自行创业，不再委托转化").setVariable(WITHDRAWN_BY, TTO_USER)
                .correlate();
        runAsyncJobs();

        assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(TASK_ARRANGE_RIGHTS).canceled().count()).isEqualTo(1);
        verify(caseFile).close(instance.getBusinessKey(), "高校撤回项目：课题组决定自行创业，不再委托转化", CaseFile.SYSTEM);
        assertThat(mail.withTemplate("case-closed")).singleElement()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("课题组决定自行创业，不再委托转化"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void shouldWithdrawFromTasklistByStartingAWithdrawalWithItsReasonOnlyForTheOwnOffice() {
        ProcessInstance instance = startAt(TASK_ARRANGE_RIGHTS, Map.of());
        String number = instance.getBusinessKey();
        Map<String, Object> request = Map.of(CASE_NUMBER, number, WITHDRAWAL_REASON, "课题组另行转化");

        // another university's transfer office: refused, naming the case-number field; nothing starts
        assertThatThrownBy(() -> start(WithdrawalRequest.PROCESS_KEY, "ecnu-tto-officer", request))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("项目案件编号：只有项目所属高校技术转移机构或区科委可以撤回或终止项目");
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(WithdrawalRequest.PROCESS_KEY).count()).isZero();
        assertThat(instance).isWaitingAt(TASK_ARRANGE_RIGHTS);

        ProcessInstance withdrawal = start(WithdrawalRequest.PROCESS_KEY, TTO_USER, request);
        runAsyncJobs();

        assertThat(withdrawal).isEnded();
        assertThat(withdrawal.getBusinessKey()).isEqualTo(number);
        assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
        verify(caseFile).close(number, "高校撤回项目：课题组另行转化", CaseFile.SYSTEM);
        assertThat(mail.withTemplate("case-closed")).singleElement()
                .satisfies(m -> assertThat(m.get("reason")).isEqualTo("课题组另行转化"));
    }

    @Test
    void shouldWriteEachStageIntoTheCaseWhenItsStepOpens() {
        ProcessInstance instance = startAt(TASK_DIAGNOSE, Map.of());
        diagnose(instance);

        verify(caseFile).changeStatus(eq(instance.getBusinessKey()), eq(ConversionCaseStages.DIAGNOSIS), anyString());
        verify(caseFile).changeStatus(eq(instance.getBusinessKey()), eq(ConversionCaseStages.CONCEPT_VERIFICATION), anyString());
        verify(caseFile, never()).record(anyString(), anyString(), contains("STATUS_COLOUR"), anyString(), anyString());
    }

    private List<String> candidateGroups(Task task) {
        return engine.getTaskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> link.getGroupId() != null).map(link -> link.getGroupId()).toList();
    }
}
