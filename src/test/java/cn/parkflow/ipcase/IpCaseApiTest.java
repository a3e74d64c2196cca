package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresTestServer;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** POST /api/ip-cases and GET /api/ip-cases/statistics over HTTP on PostgreSQL, with who may do what. */
class IpCaseApiTest extends IpApplicationTest {

    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    CaseFile caseFile;
    @Autowired
    IpCaseOutcomes outcomes;

    static Map<String, Object> request(String ipType, String service) {
        return new HashMap<>(IpProcessSupport.request(ipType, service, false));
    }

    private static long count(String table) {
        return Long.parseLong(PostgresTestServer.shared().query("SELECT COUNT(*) FROM " + table));
    }

    @Test
    void shouldOpenACaseForTheRightHolderAndAnswerItsNumber() throws Exception {
        String number = submit("applicant1", request("TRADEMARK", "CONSULTATION"));

        assertThat(number).matches("IP-\\d{4}-\\d{4}");
        assertThat(caseFile.get(number).applicantUser()).isEqualTo("applicant1");
        assertThat(caseFile.get(number).department()).isEqualTo(STATION);
        waitForTask(number, TASK_REGISTER_INTAKE, "ip-station-officer");
    }

    @Test
    void shouldRefuseMissingWrongAndMalformedFieldsInChineseAndStoreNothing() throws Exception {
        long cases = count("case_record");
        Map<String, Object> missing = request("TRADEMARK", "CONSULTATION");
        missing.remove("rightNumber");
        missing.put("applicantEmail", "not-an-address");
        missing.put("facts", "事".repeat(2001));
        Map<String, Object> wrongType = request("TRADEMARK", "CONSULTATION");
        wrongType.put("ipType", "SOFTWARE");

        HttpResponse<String> refused = http().postJson("/api/ip-cases", "applicant1", JSON.writeValueAsString(missing));
        HttpResponse<String> wrong = http().postJson("/api/ip-cases", "applicant1", JSON.writeValueAsString(wrongType));

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("权利编号：必填").contains("联系邮箱：邮箱格式不正确").contains("案情简述：不能超过2000个字");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("知识产权类型格式不正确");
        assertThat(count("case_record")).isEqualTo(cases);
    }

    @Test
    void shouldLetOnlyTheWorkstationSubmitOnBehalfOfAWalkIn() throws Exception {
        Map<String, Object> walkIn = request("COPYRIGHT", "MEDIATION");
        walkIn.put("applicantEmail", "walkin@example.com");

        HttpResponse<String> byAmr = http().postJson("/api/ip-cases", "amr-officer", JSON.writeValueAsString(walkIn));
        String number = submit("ip-station-officer", walkIn);

        assertThat(byAmr.statusCode()).isEqualTo(403);
        assertThat(caseFile.get(number).applicantUser()).isNull();
        assertThat(caseFile.events(number)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("ENTERED_ON_BEHALF");
            assertThat(event.actor()).isEqualTo("ip-station-officer");
        });
    }

    @Test
    void shouldLetAWorkstationOfficerEnterAWalkInThroughTheTasklistStartForm() throws Exception {
        // given: the start form as Tasklist submits it, in a webapp session (CSRF token), for a walk-in
        StringBuilder form = new StringBuilder("{\"variables\":{");
        Map<String, Object> walkIn = request("TRADEMARK", "MEDIATION");
        walkIn.put("walkIn", true);
        walkIn.put("applicantEmail", "walkin-tasklist@example.com");
        for (Map.Entry<String, Object> variable : walkIn.entrySet()) {
            Object value = variable.getValue();
            form.append('"').append(variable.getKey()).append("\":{\"value\":").append(JSON.writeValueAsString(value))
                    .append(",\"type\":\"").append(value instanceof String ? "String" : value instanceof Boolean ? "Boolean" : "Long")
                    .append("\"},");
        }
        form.setCharAt(form.length() - 1, '}');
        form.append('}');
        String path = "/camunda/api/engine/engine/default/process-definition/key/" + KEY + "/submit-form";
        long cases = count("case_record");

        // when: an amr officer tries, then the workstation's officer enters it
        HttpResponse<String> byAmr = WebappSession.login(http(), "tasklist", "amr-officer").postJson(path, form.toString());
        HttpResponse<String> started = WebappSession.login(http(), "tasklist", "ip-station-officer").postJson(path, form.toString());

        // then: only the workstation may; the case is the walk-in's, entered on their behalf, with no login
        assertThat(byAmr.statusCode()).as(byAmr.body()).isEqualTo(403);
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        assertThat(count("case_record")).isEqualTo(cases + 1);
        String number = JSON.readTree(started.body()).path("businessKey").asText();
        assertThat(number).matches("IP-\\d{4}-\\d{4}");
        assertThat(caseFile.get(number).applicantUser()).isNull();
        assertThat(caseFile.get(number).department()).isEqualTo(STATION);
        assertThat(caseFile.events(number)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("ENTERED_ON_BEHALF");
            assertThat(event.actor()).isEqualTo("ip-station-officer");
        });
        waitForTask(number, TASK_REGISTER_INTAKE, "ip-station-officer");
    }

    @Test
    void shouldOpenTheCaseToEveryDepartmentThatHeldAStepAndKeepTradeSecretsToTheWorkingOnes() throws Exception {
        // given: a trade-secret dispute, with evidence marked trade secret
        String number = submit("applicant1", request("TRADE_SECRET", "MEDIATION"));
        assertThat(http().postFile("/api/cases/" + number + "/documents", "applicant1", "kind", "TRADE_SECRET_EVIDENCE",
                "源代码比对报告.pdf", "application/pdf", PDF).statusCode()).isEqualTo(201);
        assertThat(http().postFile("/api/cases/" + number + "/documents", "applicant1", "kind", "EVIDENCE",
                "购买公证书.pdf", "application/pdf", PDF).statusCode()).isEqualTo(201);
        assertThat(http().get("/api/cases/" + number, "ip-mediation-officer").statusCode())
                .as("not yet involved").isEqualTo(403);
        // the workstation registers, accepts and triages the case without seeing the trade secret
        waitForTask(number, TASK_REGISTER_INTAKE, "ip-station-officer");
        JsonNode atIntake = JSON.readTree(http().get("/api/cases/" + number, "ip-station-officer").body());
        assertThat(atIntake.path("documents").findValuesAsText("kind")).containsExactly("EVIDENCE");
        long secret = JSON.readTree(http().get("/api/cases/" + number, "applicant1").body()).path("documents")
                .findParents("kind").stream().filter(d -> d.path("kind").asText().equals("TRADE_SECRET_EVIDENCE"))
                .findFirst().orElseThrow().path("id").asLong();
        assertThat(http().get("/api/cases/" + number + "/documents/" + secret, "ip-station-officer").statusCode())
                .isEqualTo(403);

        // when: mediation is refused by the counterparty, and the case goes to enforcement
        completeAs("ip-station-officer", number, TASK_REGISTER_INTAKE, Map.of("rightStatus", "VALID", "courtAccepted", false));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> completeAs("ip-station-officer", number,
                TASK_DECIDE_ACCEPTANCE, Map.of(ACCEPTANCE_DECISION, "ACCEPT")))
                .as("no acceptance without the proof of the right").hasMessageContaining("尚缺材料");
        uploadRightCertificate("applicant1", number);
        completeAs("ip-station-officer", number, TASK_DECIDE_ACCEPTANCE, Map.of(ACCEPTANCE_DECISION, "ACCEPT"));
        completeAs("ip-station-officer", number, TASK_TRIAGE, Map.of(CHANNEL, "MEDIATION"));
        completeAs("ip-mediation-officer", number, TASK_RECORD_CONSENT, Map.of("counterpartyConsent", "REFUSED",
                "consentMethod", "PHONE", NEXT_SERVICE, "ENFORCEMENT"));
        completeAs("ip-station-officer", number, TASK_TRIAGE, Map.of(CHANNEL, "ENFORCEMENT"));
        waitForTask(number, TASK_DECIDE_OPENING, "amr-officer");

        // then: the mediation committee, which held a step, still reads the case but not the trade secret
        JsonNode byMediation = JSON.readTree(http().get("/api/cases/" + number, "ip-mediation-officer").body());
        assertThat(byMediation.path("documents").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("RIGHT_CERTIFICATE", "EVIDENCE", "ipcase-acceptance");
        // the enforcing department, which works the case now, sees both; so does supervision
        JsonNode byAmr = JSON.readTree(http().get("/api/cases/" + number, "amr-officer").body());
        assertThat(byAmr.path("documents").findValuesAsText("kind"))
                .containsExactlyInAnyOrder("RIGHT_CERTIFICATE", "EVIDENCE", "TRADE_SECRET_EVIDENCE", "ipcase-acceptance");
        JsonNode bySupervisor = JSON.readTree(http().get("/api/cases/" + number, "supervisor").body());
        assertThat(bySupervisor.path("documents")).hasSize(4);
        assertThat(byAmr.path("events").findValuesAsText("action")).contains("DEPARTMENT_ASSIGNED");
        long secretId = byAmr.path("documents").findParents("kind").stream()
                .filter(d -> d.path("kind").asText().equals("TRADE_SECRET_EVIDENCE")).findFirst().orElseThrow().path("id").asLong();
        assertThat(http().get("/api/cases/" + number + "/documents/" + secretId, "ip-mediation-officer").statusCode())
                .isEqualTo(403);
        // the department holding the step is responsible for the case now, and files on it
        assertThat(caseFile.get(number).department()).isEqualTo("amr");
        assertThat(http().postFile("/api/cases/" + number + "/documents", "amr-officer", "kind", "DECISION",
                "立案决定书.pdf", "application/pdf", PDF).statusCode()).isEqualTo(201);
        assertThat(http().postFile("/api/cases/" + number + "/documents", "ip-mediation-officer", "kind", "EVIDENCE",
                "补充.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
        // a department that never held a step reads nothing
        assertThat(http().get("/api/cases/" + number, "court-officer").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldCountTheCasesClosedInTheMonthAskedForAcrossItsBoundaries() throws Exception {
        // given: four closed cases around October 2026
        closed("PLANT_VARIETY", "CONSULTATION", "C01", LocalDate.of(2026, 9, 30), true);
        closed("PLANT_VARIETY", "MEDIATION", "M01", LocalDate.of(2026, 10, 1), true);
        closed("IC_LAYOUT", "LITIGATION", "L02", LocalDate.of(2026, 10, 31), false);
        closed("IC_LAYOUT", "CONSULTATION", "C01", LocalDate.of(2026, 11, 1), true);

        // when
        HttpResponse<String> october = http().get("/api/ip-cases/statistics?month=2026-10", "amr-officer");

        // then: only 10-01 and 10-31 count
        assertThat(october.statusCode()).isEqualTo(200);
        JsonNode figures = JSON.readTree(october.body());
        assertThat(figures.path("byIpType").path("PLANT_VARIETY").asInt()).isEqualTo(1);
        assertThat(figures.path("byIpType").path("IC_LAYOUT").asInt()).isEqualTo(1);
        assertThat(figures.path("byChannel").path("MEDIATION").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("byOutcome").path("L02").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(figures.path("closed").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(figures.path("onTime").asInt()).isLessThan(figures.path("closed").asInt());
    }

    @Test
    void shouldShowStatisticsOnlyToAmrJusticeTheWorkstationAndSupervisors() throws Exception {
        for (String reader : new String[] {"amr-officer", "justice-officer", "ip-station-officer", "supervisor"}) {
            assertThat(http().get("/api/ip-cases/statistics?month=2026-10", reader).statusCode()).as(reader).isEqualTo(200);
        }
        for (String other : new String[] {"court-officer", "police-officer", "applicant1"}) {
            assertThat(http().get("/api/ip-cases/statistics?month=2026-10", other).statusCode()).as(other).isEqualTo(403);
        }
        HttpResponse<String> badMonth = http().get("/api/ip-cases/statistics?month=2026-13", "amr-officer");
        assertThat(badMonth.statusCode()).isEqualTo(400);
        assertThat(badMonth.body()).contains("月份格式");
    }

    private void closed(String ipType, String channel, String code, LocalDate on, boolean onTime) {
        String number = caseFile.open(new NewCase(CASE_TYPE, "统计测试", null, "统计测试单位", STATION), CaseFile.SYSTEM).number();
        outcomes.save(new IpCaseOutcome(number, ipType, channel, code, "RESOLVED", on.minusDays(10), on, 5, onTime, "SATISFIED"));
    }
}
