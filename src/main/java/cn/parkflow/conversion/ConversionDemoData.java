package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile, first start only (no conversion case yet): projects in diagnosis, in concept
 * verification, in the pricing notice, in landing, and one taken over from the earlier ledger
 * that has not been updated for 25 working days, so the stall check flags it 黄 at once. They go
 * through the same start listener as registered leads.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class ConversionDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ConversionDemoData.class);

    private final CaseFile caseFile;
    private final RuntimeService runtimeService;
    private final ManagementService managementService;
    private final WorkingDayCalendar calendar;

    ConversionDemoData(CaseFile caseFile, RuntimeService runtimeService, ManagementService managementService,
                       WorkingDayCalendar calendar) {
        this.caseFile = caseFile;
        this.runtimeService = runtimeService;
        this.managementService = managementService;
        this.calendar = calendar;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!caseFile.search(new CaseQuery(CASE_TYPE, null, null, null, 0, 1)).isEmpty()) {
            return;
        }
        String diagnosis = start(project("sjtu", "高精度手术机器人力反馈控制", "HIGH_END_EQUIPMENT"), TASK_DIAGNOSE);
        String verification = start(project("ecnu", "面向大模型的教育知识图谱引擎", "DIGITAL_ECONOMY"), TASK_VERIFY_CONCEPT);
        Map<String, Object> pricing = project("sjtu", "新型mRNA递送载体", "BIOMEDICINE");
        pricing.putAll(Map.of("rightsArrangement", "OWNERSHIP_PART", "rightsShare", 70, "conversionMode", "EQUITY",
                "pricingRoute", "AGREEMENT", "technicalVerdict", "PASS", "marketVerdict", "PASS", "conceptDecision", "GO"));
        String notice = start(pricing, TASK_PUBLISH_PRICING_NOTICE);
        Map<String, Object> landing = project("sjtu", "柔性脑机接口电极阵列", "BRAIN_COMPUTER_INTERFACE");
        landing.putAll(Map.of("conversionMode", "LICENCE", "agreedPrice", 800, "contractNumber", "SJTU-2026-017",
                "registrationNumber", "2026310112000123", "dealValue", 800, "companyName", "上海柔电科技有限公司"));
        String landed = start(landing, TASK_SCHEDULE_LANDING);
        Map<String, Object> stalled = project("ecnu", "低功耗边缘视觉芯片", "DIGITAL_ECONOMY");
        stalled.put(LAST_UPDATED_ON, calendar.addWorkingDays(EngineClock.today(), -25).toString());
        String stall = start(stalled, TASK_VERIFY_CONCEPT);
        checkStallNow(stall);
        log.info("Conversion demo projects: {} (需求诊断), {} (概念验证), {} (协议定价公示), {} (企业落地), {} (停滞，黄色)",
                diagnosis, verification, notice, landed, stall);
    }

    /** The daily stall check falls due now instead of at 17:30, so the stalled project shows its colour at once. */
    private void checkStallNow(String number) {
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        Job check = managementService.createJobQuery().processInstanceId(instanceId).activityId(STALL_CHECK_DUE).singleResult();
        managementService.setJobDuedate(check.getId(), new Date());
    }

    private String start(Map<String, Object> variables, String activityId) {
        return runtimeService.createProcessInstanceByKey(KEY).setVariables(variables).startBeforeActivity(activityId)
                .execute().getBusinessKey();
    }

    private static Map<String, Object> project(String university, String title, String field) {
        String office = university + "-tto";
        Map<String, Object> v = new HashMap<>();
        v.put(APPLICANT, office + "-officer");
        v.put(INSTITUTION, office);
        v.put(PROJECT_TITLE, title);
        v.put("principalInvestigator", "sjtu".equals(university) ? "张伟" : "刘洋");
        v.put("ipList", "发明专利 ZL2024100000" + Math.abs(title.hashCode() % 100) + ".1");
        v.put("trl", 4);
        v.put("field", field);
        v.put("summary", title + "：已完成实验室验证，拟在园区转化。");
        v.put("contactPhone", "13800138000");
        v.put("contactEmail", office + "@parkflow.example");
        v.put(TECHNOLOGY_MANAGER, office + "-officer");
        v.put(MANAGER_DEPARTMENT, office);
        v.put(DISTRICT_LIAISON, "stc-officer");
        v.put("nextMilestone", "完成概念验证");
        v.put("nextMilestoneDate", EngineClock.today().plusMonths(2).toString());
        return v;
    }
}
