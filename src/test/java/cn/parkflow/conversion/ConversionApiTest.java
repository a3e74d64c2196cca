package cn.parkflow.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.support.PostgresTestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST and GET /api/conversion-projects over HTTP on PostgreSQL as the demo users: who may register
 * a lead, bad input refused with the field named and nothing stored, the pipeline by stage with
 * its counts, each reader seeing what is theirs; and the demo projects of a first start.
 */
class ConversionApiTest extends ConversionApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CaseFile caseFile;

    static Map<String, Object> lead(String title) {
        Map<String, Object> body = new HashMap<>(ConversionProcessSupport.lead());
        body.remove("institution");
        body.put("projectTitle", title);
        return body;
    }

    private HttpResponse<String> register(String user, Map<String, Object> body) throws Exception {
        return http().postJson("/api/conversion-projects", user, JSON.writeValueAsString(body));
    }

    private static long cases() {
        return Long.parseLong(PostgresTestServer.shared().query("SELECT COUNT(*) FROM case_record WHERE case_number LIKE 'CONV-%'"));
    }

    @Test
    void shouldRegisterALeadForTheCallersTransferOffice() throws Exception {
        HttpResponse<String> response = register("ecnu-tto-officer", lead("量子点显示材料"));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        String number = JSON.readTree(response.body()).path("caseNumber").asText();
        assertThat(number).matches("CONV-\\d{4}-\\d{4}");
        assertThat(response.headers().firstValue("Location")).hasValue("/api/cases/" + number);
        assertThat(caseFile.get(number).applicantUser()).isEqualTo("ecnu-tto-officer");
        assertThat(caseFile.get(number).applicantOrganisation()).isEqualTo("华东师范大学技术转移中心");
        assertThat(caseFile.get(number).department()).isEqualTo("stc");
        assertThat(caseFile.get(number).status()).isEqualTo(ConversionCaseStages.LEAD_REVIEW);
    }

    @Test
    void shouldRefuseEveryoneButTheTransferOffices() throws Exception {
        long before = cases();

        assertThat(register("applicant1", lead("不应登记")).statusCode()).isEqualTo(403);
        assertThat(register("stc-officer", lead("不应登记")).statusCode()).isEqualTo(403);
        assertThat(register("econ-officer", lead("不应登记")).body()).contains("只有高校技术转移机构的工作人员可以登记");

        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void shouldNameEachBadFieldInChineseAndStoreNothing() throws Exception {
        long before = cases();
        Map<String, Object> body = lead("x".repeat(101));
        body.put("trl", 12);
        body.put("contactPhone", "12345");
        body.remove("principalInvestigator");

        HttpResponse<String> response = register("sjtu-tto-officer", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("projectTitle: 项目名称不能超过100字", "trl: 技术成熟度应为1–9级",
                "contactPhone: 联系电话应为11位手机号或带区号的固定电话", "principalInvestigator: 请填写项目负责人");
        body = lead("类型错误");
        body.put("trl", "四级");
        assertThat(register("sjtu-tto-officer", body).body()).contains("trl：格式不正确");
        assertThat(cases()).isEqualTo(before);
    }

    @Test
    void shouldListThePipelineByStageWithCountsForEachReader() throws Exception {
        String sjtu = JSON.readTree(register("sjtu-tto-officer", lead("固态电池电解质")).body()).path("caseNumber").asText();
        String ecnu = JSON.readTree(register("ecnu-tto-officer", lead("遥感影像解译")).body()).path("caseNumber").asText();

        JsonNode all = JSON.readTree(http().get("/api/conversion-projects?stage=LEAD_REVIEW", "stc-officer").body());
        assertThat(all.path("projects").findValuesAsText("caseNumber")).contains(sjtu, ecnu);
        assertThat(all.path("countsByStage").path("LEAD_REVIEW").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(all.path("projects").get(0).path("stageEnteredOn").asText()).isNotBlank();
        assertThat(all.path("stageNames").path("PRICING_NOTICE").asText()).isEqualTo("协议定价公示");

        JsonNode own = JSON.readTree(http().get("/api/conversion-projects?status=OPEN", "sjtu-tto-officer").body());
        assertThat(own.path("projects").findValuesAsText("caseNumber")).contains(sjtu).doesNotContain(ecnu);
        assertThat(own.path("projects").findValuesAsText("institution")).containsOnly("sjtu-tto");

        assertThat(http().get("/api/conversion-projects", "supervisor").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/conversion-projects", "applicant1").statusCode()).isEqualTo(403);
        assertThat(http().get("/api/conversion-projects?stage=NOPE", "stc-officer").body()).contains("stage：应为");
    }

    @Test
    void shouldShowTheDemoProjectsAtTheirStagesWithTheStalledOneFlagged() throws Exception {
        await("stalled demo project flagged 黄", () -> {
            try {
                return JSON.readTree(http().get("/api/conversion-projects?colour=YELLOW", "stc-officer").body())
                        .path("projects").size() > 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        JsonNode counts = JSON.readTree(http().get("/api/conversion-projects", "supervisor").body()).path("countsByStage");
        for (String stage : new String[] {"DIAGNOSIS", "CONCEPT_VERIFICATION", "PRICING_NOTICE", "LANDING"}) {
            assertThat(counts.path(stage).asLong()).as(stage).isGreaterThanOrEqualTo(1);
        }
    }

    @Test
    void shouldWithdrawAProjectWithItsReasonOnlyForItsOfficeOrStc() throws Exception {
        String number = JSON.readTree(register("sjtu-tto-officer", lead("可降解心血管支架")).body()).path("caseNumber").asText();
        String path = "/api/conversion-projects/" + number + "/withdrawal";

        assertThat(http().postJson(path, "ecnu-tto-officer", "{\"reason\":\"不是本校项目\"}").statusCode()).isEqualTo(403);
        assertThat(http().postJson(path, "sjtu-tto-officer", "{\"reason\":\"\"}").body()).contains("reason: 请填写撤回或终止的理由");
        assertThat(caseFile.get(number).isClosed()).isFalse();

        HttpResponse<String> withdrawn = http().postJson(path, "sjtu-tto-officer", "{\"reason\":\"课题组另行转化\"}");

        assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(204);
        await("case closed", () -> caseFile.get(number).isClosed());
        assertThat(caseFile.get(number).outcome()).isEqualTo("高校撤回项目：课题组另行转化");
        assertThat(http().postJson(path, "stc-officer", "{\"reason\":\"再次终止\"}").statusCode()).isEqualTo(409);
    }

    @Test
    void shouldLetOnlyTransferOfficesStartTheProcessFromTasklist() throws Exception {
        Map<String, Object> variables = new HashMap<>();
        ConversionProcessSupport.lead().forEach((key, value) -> variables.put(key, Map.of("value", value)));
        String form = JSON.writeValueAsString(Map.of("variables", variables));
        String path = "/engine-rest/process-definition/key/achievement-conversion/submit-form";

        assertThat(http().postJson(path, "econ-officer", form).statusCode()).isEqualTo(403);
        HttpResponse<String> started = http().postJson(path, "sjtu-tto-officer", form);

        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String number = JSON.readTree(started.body()).path("businessKey").asText();
        assertThat(caseFile.get(number).applicantUser()).isEqualTo("sjtu-tto-officer");
    }
}
