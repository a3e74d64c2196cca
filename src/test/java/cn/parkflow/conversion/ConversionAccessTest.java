package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who may read and act on a conversion project over HTTP, as the demo users on PostgreSQL: the
 * whole transfer office reads its institution's cases, with the next milestone; withdrawal (REST
 * and Tasklist) and the pipeline refuse applicants, other institutions and other departments even
 * though they run as the server; the engine's own message API is closed to callers; and the
 * hosting incubator is checked against the incubator register.
 */
class ConversionAccessTest extends ConversionApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficeInvolvement officeInvolvement;

    private String register(String user, String title) throws Exception {
        HttpResponse<String> response = http().postJson("/api/conversion-projects", user,
                JSON.writeValueAsString(ConversionApiTest.lead(title)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return JSON.readTree(response.body()).path("caseNumber").asText();
    }

    /** A sjtu project started further on, as the demo data does. */
    private String startAt(String activityId, Map<String, Object> extra) {
        Map<String, Object> v = new HashMap<>(ConversionProcessSupport.lead());
        v.put(APPLICANT, "sjtu-tto-officer");
        v.put(TECHNOLOGY_MANAGER, "sjtu-tto-officer");
        v.put(MANAGER_DEPARTMENT, "sjtu-tto");
        v.put(DISTRICT_LIAISON, "stc-officer");
        v.putAll(extra);
        return runtimeService.createProcessInstanceByKey(KEY).setVariables(v).startBeforeActivity(activityId).execute()
                .getBusinessKey();
    }

    private static String withdrawal(String reason) {
        return "{\"reason\":\"" + reason + "\"}";
    }

    @Test
    void shouldLetTheWholeTransferOfficeReadItsProjectWithTheNextMilestoneAndNoOneElse() throws Exception {
        String number = startAt(TASK_VERIFY_CONCEPT, Map.of("nextMilestone", "完成概念验证", "nextMilestoneDate", "2027-01-29"));
        String path = "/api/cases/" + number;

        // a colleague of the registrant, who holds no step of the case
        HttpResponse<String> colleague = http().get(path, "sjtu-tto-head");
        assertThat(colleague.statusCode()).as(colleague.body()).isEqualTo(200);
        JsonNode milestone = JSON.readTree(colleague.body()).path("nextMilestone");
        assertThat(milestone.path("name").asText()).isEqualTo("完成概念验证");
        assertThat(milestone.path("dueOn").asText()).isEqualTo("2027-01-29");
        assertThat(JSON.readTree(http().get(path, "stc-officer").body()).path("nextMilestone").path("name").asText())
                .isEqualTo("完成概念验证");

        for (String stranger : new String[] {"ecnu-tto-officer", "applicant1", "econ-officer"}) {
            assertThat(http().get(path, stranger).statusCode()).as(stranger).isEqualTo(403);
        }
        assertThat(JSON.readTree(http().get("/api/cases?type=CONV&size=200", "sjtu-tto-head").body())
                .findValuesAsText("number")).contains(number);
        // a case without a planned milestone, and one of another process, show none
        String fresh = register("sjtu-tto-officer", "无里程碑项目");
        assertThat(JSON.readTree(http().get("/api/cases/" + fresh, "sjtu-tto-head").body()).path("nextMilestone").isNull())
                .isTrue();
    }

    @Test
    void shouldInvolveTheOfficeInAProjectRegisteredBeforeTheRuleAtStart() throws Exception {
        String number = register("sjtu-tto-officer", "存量项目：石墨烯散热膜");
        jdbc.sql("DELETE FROM case_involvement WHERE case_number = ? AND department = 'sjtu-tto'").param(number).update();
        assertThat(http().get("/api/cases/" + number, "sjtu-tto-head").statusCode()).isEqualTo(403);

        officeInvolvement.run(null);

        assertThat(http().get("/api/cases/" + number, "sjtu-tto-head").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/cases/" + number, "ecnu-tto-head").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseWithdrawalToApplicantsOtherInstitutionsOtherDepartmentsAndSupervisors() throws Exception {
        String number = register("sjtu-tto-officer", "可穿戴血糖监测贴片");
        String path = "/api/conversion-projects/" + number + "/withdrawal";

        for (String stranger : new String[] {"applicant1", "econ-officer", "ecnu-tto-officer", "supervisor", "zerobay-officer"}) {
            HttpResponse<String> refused = http().postJson(path, stranger, withdrawal("不应撤回"));
            assertThat(refused.statusCode()).as(stranger + ": " + refused.body()).isEqualTo(403);
        }
        // the engine's own message API is not a way round it
        HttpResponse<String> message = http().postJson("/engine-rest/message", "sjtu-tto-officer",
                "{\"messageName\":\"" + WITHDRAWAL_MESSAGE + "\",\"businessKey\":\"" + number + "\"}");
        assertThat(message.statusCode()).as(message.body()).isEqualTo(403);
        assertThat(caseFile.get(number).isClosed()).isFalse();

        // a case of another process, or none, is not a conversion project
        String other = jdbc.sql("SELECT case_number FROM case_record WHERE case_number NOT LIKE 'CONV-%' "
                + "AND closed_at IS NULL ORDER BY case_number LIMIT 1")
                .query(String.class).single();
        assertThat(http().postJson("/api/conversion-projects/" + other + "/withdrawal", "stc-officer", withdrawal("x"))
                .statusCode()).isEqualTo(404);
        assertThat(caseFile.get(other).isClosed()).isFalse();
        assertThat(http().postJson("/api/conversion-projects/CONV-2099-9999/withdrawal", "stc-officer", withdrawal("x"))
                .statusCode()).isEqualTo(404);

        // a colleague of the registrant's office may withdraw it
        assertThat(http().postJson(path, "sjtu-tto-head", withdrawal("课题组另行转化")).statusCode()).isEqualTo(204);
        await("case closed", () -> caseFile.get(number).isClosed());
    }

    @Test
    void shouldWithdrawFromTasklistOnlyForTheOwnOfficeOrStc() throws Exception {
        String sjtu = register("sjtu-tto-officer", "钠离子电池正极材料");
        String ecnu = register("ecnu-tto-officer", "智能教育测评系统");
        String path = "/engine-rest/process-definition/key/" + WithdrawalRequest.PROCESS_KEY + "/submit-form";

        assertThat(http().postJson(path, "econ-officer", form(sjtu, "不应撤回")).statusCode()).isEqualTo(403);
        // an applicant does not even see the process
        assertThat(http().postJson(path, "applicant1", form(sjtu, "不应撤回")).statusCode()).isEqualTo(404);
        HttpResponse<String> other = http().postJson(path, "ecnu-tto-officer", form(sjtu, "不应撤回"));
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(other.body()).contains("项目案件编号：只有项目所属高校技术转移机构或区科委可以撤回或终止项目");
        assertThat(http().postJson(path, "sjtu-tto-officer", form(sjtu, "")).body()).contains("撤回或终止的理由");
        assertThat(caseFile.get(sjtu).isClosed()).isFalse();

        HttpResponse<String> withdrawn = http().postJson(path, "sjtu-tto-officer", form(sjtu, "课题组另行转化"));
        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
        await("sjtu case closed", () -> caseFile.get(sjtu).isClosed());
        assertThat(caseFile.get(sjtu).outcome()).isEqualTo("高校撤回项目：课题组另行转化");
        assertThat(http().postJson(path, "sjtu-tto-officer", form(sjtu, "再次撤回")).body()).contains("项目已办结");

        assertThat(http().postJson(path, "stc-officer", form(ecnu, "企业主体不符合园区产业方向")).statusCode()).isEqualTo(200);
        await("ecnu case closed", () -> caseFile.get(ecnu).isClosed());
        assertThat(caseFile.get(ecnu).outcome()).isEqualTo("区科委终止项目：企业主体不符合园区产业方向");
    }

    private static String form(String caseNumber, String reason) throws Exception {
        return JSON.writeValueAsString(Map.of("variables", Map.of(CASE_NUMBER, Map.of("value", caseNumber),
                WITHDRAWAL_REASON, Map.of("value", reason))));
    }

    @Test
    void shouldRefuseThePipelineToApplicantsAndOtherDepartments() throws Exception {
        String sjtu = register("sjtu-tto-officer", "高通量基因测序芯片");

        for (String stranger : new String[] {"applicant1", "econ-officer", "zerobay-officer"}) {
            assertThat(http().get("/api/conversion-projects", stranger).statusCode()).as(stranger).isEqualTo(403);
        }
        JsonNode ecnu = JSON.readTree(http().get("/api/conversion-projects", "ecnu-tto-officer").body());
        assertThat(ecnu.path("projects").findValuesAsText("caseNumber")).doesNotContain(sjtu);
        assertThat(ecnu.path("projects").findValuesAsText("institution")).containsOnly("ecnu-tto");
        assertThat(JSON.readTree(http().get("/api/conversion-projects", "sjtu-tto-head").body()).path("projects")
                .findValuesAsText("caseNumber")).contains(sjtu);
    }

    @Test
    void shouldNameTheHostingIncubatorFromTheRegisterAndKeepItsNumber() throws Exception {
        Map<String, Object> certified = jdbc.sql("SELECT certificate_number, incubator_name FROM incubator_certificate "
                        + "WHERE status = 'VALID' AND valid_from <= ? AND valid_until >= ? ORDER BY certificate_number LIMIT 1")
                .params(EngineClock.today(), EngineClock.today()).query().singleRow();
        String number = startAt(TASK_PROVIDE_SPACE, Map.of(LANDING_DUE_AT, new Date(System.currentTimeMillis() + 86_400_000L * 30)));
        String task = taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(TASK_PROVIDE_SPACE)
                .singleResult().getId();
        String path = "/engine-rest/task/" + task + "/submit-form";

        HttpResponse<String> refused = http().postJson(path, "zerobay-officer", space("闵行某未认定众创空间"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("所在认定孵化器：“闵行某未认定众创空间”不是孵化器登记册中有效的认定孵化器",
                (String) certified.get("incubator_name"));

        HttpResponse<String> done = http().postJson(path, "zerobay-officer", space((String) certified.get("certificate_number")));
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
        String instance = historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(KEY).singleResult().getId();
        assertThat(runtimeService.getVariable(instance, HostingIncubators.CERTIFICATE_NUMBER))
                .isEqualTo(certified.get("certificate_number"));
        assertThat(runtimeService.getVariable(instance, HostingIncubators.NAME)).isEqualTo(certified.get("incubator_name"));
    }

    private static String space(String incubator) throws Exception {
        return JSON.writeValueAsString(Map.of("variables", Map.of("landingAddress", Map.of("value", "上海市闵行区剑川路930号"),
                "spaceArea", Map.of("value", 300), HostingIncubators.NAME, Map.of("value", incubator))));
    }
}
