package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.figure.RegisterLookup;
import cn.parkflow.form.SubmissionRules;
import cn.parkflow.support.Delegates;
import cn.parkflow.support.ProcessEngineTest;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * Engine tests of {@code achievement-conversion}: the kit's engine, clock, case file and mail
 * recorder ({@link ProcessEngineTest}) with the process's real intake, rules, stages, decisions and
 * service steps. A transfer-office officer of 上海交通大学 registers the leads.
 */
abstract class ConversionProcessSupport extends ProcessEngineTest {

    static final String TTO_USER = "sjtu-tto-officer";
    static final String MANAGER = "sjtu-manager";
    static final String LIAISON = "stc-officer";
    static final String MODEL = "bpmn/achievement-conversion.bpmn";
    static final String COORDINATION_DMN = "bpmn/dmn/achievement-coordination-department.dmn";
    static final String GRADUATION_DMN = "bpmn/dmn/achievement-graduation.dmn";
    static final String WITHDRAWAL_MODEL = "bpmn/achievement-conversion-withdrawal.bpmn";

    ConversionProperties properties = ConversionProperties.defaults();
    final HostingIncubators incubators = certifiedIncubators();

    /** The incubator register as the incubator process offers it: one certified incubator, valid until 2028. */
    static HostingIncubators certifiedIncubators() {
        return new HostingIncubators(List.of(new RegisterLookup() {
            @Override
            public Set<String> registers() {
                return Set.of(HostingIncubators.REGISTER);
            }

            @Override
            public List<RegisterEntry> validOn(String register, LocalDate day) {
                return List.of(new RegisterEntry("闵科孵认〔2025〕3号", "零号湾硬科技孵化器", LocalDate.of(2028, 5, 31)));
            }
        }));
    }

    @Override
    protected CaseStages caseStages() {
        return new ConversionCaseStages();
    }

    @Override
    protected SubmissionRules submissionRules() {
        return new ConversionSubmissionRules(incubators);
    }

    @Override
    protected void wireProcess() {
        member(TTO_USER, "sjtu-tto");
        member("ecnu-tto-officer", "ecnu-tto");
        Mocks.register("conversionLeadIntake", new LeadIntake(caseFile,
                Validation.buildDefaultValidatorFactory().getValidator(), properties, null));
        Mocks.register("conversionSettings", new ConversionSettings(properties));
        WithdrawalRequest withdrawals = new WithdrawalRequest(new ConversionProjects(engine.getRuntimeService(),
                engine.getHistoryService(), engine.getIdentityService(), caseFile, properties));
        Mocks.register("conversionWithdrawalRequest", withdrawals);
        Delegates.register(new ConversionDelegates(), new ConversionSteps(caseFile, workdays, properties),
                new StallWatch(WorkingDayCalendar.bundled(), caseFile, properties), incubators, withdrawals);
    }

    private void member(String user, String group) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(group).count() == 0) {
            identity.saveGroup(identity.newGroup(group));
        }
        if (identity.createUserQuery().userId(user).count() == 0) {
            identity.saveUser(identity.newUser(user));
            identity.createMembership(user, group);
        }
    }

    static Map<String, Object> lead() {
        Map<String, Object> v = new HashMap<>();
        v.put(INSTITUTION, "sjtu-tto");
        v.put(PROJECT_TITLE, "柔性脑机接口电极阵列");
        v.put("principalInvestigator", "李明");
        v.put("ipList", "ZL202310000001.1 一种柔性神经电极及其制备方法");
        v.put("trl", 4);
        v.put("field", "BRAIN_COMPUTER_INTERFACE");
        v.put("summary", "基于柔性材料的高通量神经电极，已完成动物实验。");
        v.put("contactPhone", "13800138000");
        v.put("contactEmail", "tto@sjtu.example");
        return v;
    }

    ProcessInstance register() {
        return start(KEY, TTO_USER, lead());
    }

    /** Starts a project whose earlier steps are done, at {@code activityId}, with {@code extra} values. */
    ProcessInstance startAt(String activityId, Map<String, Object> extra) {
        Map<String, Object> v = lead();
        v.put(APPLICANT, TTO_USER);
        v.put(TECHNOLOGY_MANAGER, MANAGER);
        v.put(MANAGER_DEPARTMENT, "sjtu-tto");
        v.put(DISTRICT_LIAISON, LIAISON);
        v.putAll(extra);
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY).setVariables(v)
                .startBeforeActivity(activityId).execute();
        runAsyncJobs();
        return instance;
    }

    void accept(ProcessInstance instance) {
        completeTask(instance, TASK_ACCEPT_LEAD, "stc-officer", Map.of("leadDecision", "ACCEPT"));
    }

    void assignManager(ProcessInstance instance) {
        completeTask(instance, TASK_ASSIGN_MANAGER, "stc-officer", Map.of(TECHNOLOGY_MANAGER, MANAGER,
                MANAGER_DEPARTMENT, "sjtu-tto", DISTRICT_LIAISON, LIAISON));
    }

    void diagnose(ProcessInstance instance) {
        completeTask(instance, TASK_DIAGNOSE, MANAGER, Map.of("ipStatus", "发明专利1项，已授权", "trl", 5,
                "teamNeed", "需要产品经理1名", "capitalNeed", 300, "spaceNeed", 200, "talentNeed", "硬件工程师2名",
                "nextMilestone", "完成概念验证", "nextMilestoneDate", "2026-06-30"));
    }

    void verifyConcept(ProcessInstance instance, String technical, String market, String decision) {
        Map<String, Object> v = new HashMap<>(Map.of("verificationPlatform", "大零号湾概念验证中心",
                "technicalVerdict", technical, "marketVerdict", market, "conceptDecision", decision,
                "nextMilestone", "确定赋权方式", "nextMilestoneDate", "2026-08-31"));
        if (!"GO".equals(decision)) {
            v.put("verificationNote", "市场验证需补充目标医院的采购意向");
        }
        completeTask(instance, TASK_VERIFY_CONCEPT, MANAGER, v);
    }

    void arrangeRights(ProcessInstance instance, String route) {
        completeTask(instance, TASK_ARRANGE_RIGHTS, TTO_USER, Map.of("rightsArrangement", "OWNERSHIP_PART",
                "rightsShare", 70, "conversionMode", "EQUITY", "pricingRoute", route));
    }

    void registerContract(ProcessInstance instance) {
        completeTask(instance, TASK_REGISTER_CONTRACT, TTO_USER, Map.of("contractNumber", "SJTU-2026-017",
                "registrationNumber", "2026310112000123", "dealValue", 800, "companyName", "上海柔电科技有限公司"));
    }

    static Map<String, Object> quarterlyReport(boolean highTech, double revenue, double financing, String topic) {
        Map<String, Object> v = new HashMap<>(Map.of("revenue", revenue, "financingTotal", financing, "headcount", 18,
                "ipCount", 6, "highTechEnterprise", highTech, "coordinationTopic", topic, "nextMilestone", "完成A轮融资",
                "nextMilestoneDate", "2026-09-30"));
        if (!"NONE".equals(topic)) {
            v.put("coordinationRequest", "需要协调的事项说明");
        }
        return v;
    }

    static final List<String> LANDING_TASKS = List.of(TASK_PROVIDE_SPACE, TASK_PROVIDE_POLICY, TASK_PROVIDE_TALENT,
            TASK_PROVIDE_FUNDING, TASK_REGISTER_COMPANY);

    static Map<String, Object> landingAnswer(String task) {
        return switch (task) {
            case TASK_PROVIDE_SPACE -> Map.of("landingAddress", "上海市闵行区剑川路930号", "spaceArea", 300,
                    "incubatorName", "零号湾硬科技孵化器");
            case TASK_PROVIDE_POLICY -> Map.of("policySupport", "成果转化首台套政策");
            case TASK_PROVIDE_TALENT -> Map.of("talentSupport", "人才公寓2套");
            case TASK_PROVIDE_FUNDING -> Map.of("fundingAmount", 100, "fundingNote", "天使引导基金");
            default -> Map.of("companyCreditCode", "91310112MA1GC00010");
        };
    }
}
