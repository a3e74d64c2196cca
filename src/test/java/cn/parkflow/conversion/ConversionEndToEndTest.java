package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From POST /api/conversion-projects to graduation, as the real users over HTTP (our API and
 * Tasklist's /engine-rest), on PostgreSQL, with the application's job executor, working-day
 * calendar and mail outbox, and GreenMail receiving the registrant's mails.
 */
class ConversionEndToEndTest extends ConversionApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TTO = "sjtu-tto-officer";

    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldTrackALeadFromRegistrationToGraduationWithTheMails() throws Exception {
        HttpResponse<String> registered = http().postJson("/api/conversion-projects", TTO,
                JSON.writeValueAsString(ConversionApiTest.lead("类脑计算芯片")));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String number = JSON.readTree(registered.body()).path("caseNumber").asText();

        completeAs("stc-officer", number, TASK_ACCEPT_LEAD, Map.of("leadDecision", "ACCEPT"));
        await("acceptance mail", () -> !mailTo(TTO + "@parkflow.example", number).isEmpty());
        MimeMessage accepted = mailTo(TTO + "@parkflow.example", "申请已受理（" + number).get(0);
        assertThat(text(accepted.getContent())).contains("指派技术经理人和联络员", "区科委（园区管理办公室）").doesNotContain("—");

        completeAs("stc-officer", number, TASK_ASSIGN_MANAGER, Map.of(TECHNOLOGY_MANAGER, TTO,
                MANAGER_DEPARTMENT, "sjtu-tto", DISTRICT_LIAISON, "stc-officer"));
        completeAs(TTO, number, TASK_DIAGNOSE, Map.of("ipStatus", "发明专利2项", "trl", 5, "teamNeed", "产品经理",
                "capitalNeed", 500, "spaceNeed", 300, "talentNeed", "芯片设计工程师", "nextMilestone", "完成概念验证",
                "nextMilestoneDate", "2026-06-30"));
        completeAs(TTO, number, TASK_VERIFY_CONCEPT, Map.of("verificationPlatform", "大零号湾概念验证中心",
                "technicalVerdict", "PASS", "marketVerdict", "PASS", "conceptDecision", "GO", "nextMilestone", "赋权",
                "nextMilestoneDate", "2026-07-31"));
        completeAs(TTO, number, TASK_ARRANGE_RIGHTS, Map.of("rightsArrangement", "OWNERSHIP_ALL",
                "conversionMode", "EQUITY", "pricingRoute", "VALUATION"));
        completeAs(TTO, number, TASK_OBTAIN_VALUATION, Map.of("valuationAgency", "上海东洲资产评估有限公司", "agreedPrice", 1200));
        completeAs(TTO, number, TASK_REGISTER_CONTRACT, Map.of("contractNumber", "SJTU-2026-101",
                "registrationNumber", "2026310112000456", "dealValue", 1200, "companyName", "上海类脑芯片科技有限公司"));
        Map<String, String> landing = new LinkedHashMap<>();
        landing.put(TASK_PROVIDE_SPACE, "zerobay-officer");
        landing.put(TASK_PROVIDE_POLICY, "stc-officer");
        landing.put(TASK_PROVIDE_TALENT, "hrss-officer");
        landing.put(TASK_PROVIDE_FUNDING, "finance-officer");
        landing.put(TASK_REGISTER_COMPANY, "amr-officer");
        for (Map.Entry<String, String> step : landing.entrySet()) {
            Map<String, Object> answer = new LinkedHashMap<>(ConversionProcessSupport.landingAnswer(step.getKey()));
            if (TASK_PROVIDE_SPACE.equals(step.getKey())) {
                // hosted by an incubator the demo's register certified
                answer.put(HostingIncubators.NAME, jdbc.sql("SELECT incubator_name FROM incubator_certificate "
                        + "WHERE status = 'VALID' ORDER BY certificate_number LIMIT 1").query(String.class).single());
            }
            completeAs(step.getValue(), number, step.getKey(), answer);
        }
        completeAs("stc-officer", number, TASK_CONFIRM_LANDING, Map.of("landed", "YES", "landingDate", "2026-05-20"));

        // the quarter starts: the manager reports revenue above the threshold
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number).singleResult().getId();
        Job quarter = managementService.createJobQuery().processInstanceId(instanceId).activityId(QUARTER_STARTED).singleResult();
        managementService.setJobDuedate(quarter.getId(), new Date());
        completeAs(TTO, number, TASK_REPORT_QUARTER, Map.of("revenue", 2600, "financingTotal", 300, "headcount", 25,
                "ipCount", 8, "highTechEnterprise", false, "coordinationTopic", "NONE", "nextMilestone", "中试线投产",
                "nextMilestoneDate", "2026-12-31"));
        completeAs("econ-officer", number, TASK_PILOT_INDUSTRY, Map.of("pilotIndustrySupport", "纳入区中试项目库"));
        completeAs("planning-officer", number, TASK_PILOT_SPACE, Map.of("pilotSpaceSupport", "中试厂房1000平方米"));
        completeAs("stc-officer", number, TASK_CLOSE_PROJECT, Map.of(CLOSURE_OUTCOME, "GRADUATED"));

        await("case closed", () -> caseFile.get(number).isClosed());
        assertThat(caseFile.get(number).outcome()).isEqualTo("结项：毕业（营业收入超过门槛）");
        await("closure mail", () -> !mailTo(TTO + "@parkflow.example", "案件已办结（" + number).isEmpty());
        assertThat(mailTo(TTO + "@parkflow.example", "案件已办结（" + number)).singleElement()
                .satisfies(m -> assertThat(text(m.getContent())).contains("结项：毕业（营业收入超过门槛）").doesNotContain("—"));
        JsonNode closed = JSON.readTree(http().get("/api/conversion-projects?status=CLOSED", "stc-officer").body());
        assertThat(closed.path("projects").findValuesAsText("caseNumber")).contains(number);
        assertThat(http().get("/api/cases/" + number, TTO).body()).contains("结项：毕业");
    }

    /** As Tasklist does: find the task the user may see, claim it, submit the form. */
    private void completeAs(String user, String number, String taskKey, Map<String, Object> values) throws Exception {
        String taskId = waitForTask(number, taskKey, user);
        HttpResponse<String> claimed = http().postJson("/engine-rest/task/" + taskId + "/claim", user,
                "{\"userId\":\"" + user + "\"}");
        assertThat(claimed.statusCode()).as("claim " + taskKey + " as " + user + ": " + claimed.body()).isEqualTo(204);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        HttpResponse<String> submitted = http().postJson("/engine-rest/task/" + taskId + "/submit-form", user,
                JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(submitted.statusCode()).as(taskKey + " by " + user + ": " + submitted.body()).isEqualTo(204);
    }
}
