package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.incubator.ApplicationFixture;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.PostgresTestServer;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The nine findings of the REST API probe (issue "an applicant can certify itself"), each
 * replayed over HTTP against the running application: refused, and nothing changed.
 */
class ProbeFindingsTest extends PostgresApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final String START_CERTIFICATION = "/engine-rest/process-definition/key/incubator-certification/start";
    private static final String START_CHANGE_REPORT = "/engine-rest/process-definition/key/incubator-change-report/start";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    IdentityService identity;
    @Autowired
    CaseFile caseFile;
    @Autowired
    StatutoryClock clocks;

    @AfterEach
    void noOneLoggedIn() {
        identity.clearAuthentication();
    }

    // 1. Self-certification
    @Test
    void shouldNotLetAnApplicantStartItsCertificationAtTheCertificateStep() throws Exception {
        long instances = instances("incubator-certification");
        long certificates = count("incubator_certificate");

        HttpResponse<String> response = http().postJson(START_CERTIFICATION, "applicant1", start(application(),
                Map.of("startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_IssueCertificate")))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains(EngineRequestGuard.CHOOSES_HOW_TO_START);
        assertThat(instances("incubator-certification")).isEqualTo(instances);
        assertThat(count("incubator_certificate")).isEqualTo(certificates);
    }

    // 2. Revoking a competitor
    @Test
    void shouldNotLetAnApplicantRevokeAnotherOperatorsCertificate() throws Exception {
        String[] competitor = competitorsCertificate();
        long bans = count("incubator_operator_ban");
        Map<String, Object> report = new LinkedHashMap<>(Map.of("certificateNumber", competitor[0],
                "changeType", "NAME", "newIncubatorName", "冒名孵化器", "changeDate", "2026-11-01",
                "fraudConfirmed", true, "revocationReason", "弄虚作假"));

        HttpResponse<String> response = http().postJson(START_CHANGE_REPORT, "applicant1", start(report, Map.of(
                "businessKey", competitor[1], "skipCustomListeners", true,
                "startInstructions", List.of(Map.of("type", "startBeforeActivity",
                        "activityId", "Task_RevokeCertificate")))));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(certificateStatus(competitor[0])).isEqualTo("VALID");
        assertThat(count("incubator_operator_ban")).isEqualTo(bans);
    }

    // 3. Expressions through a matrix parameter, reaching a Spring bean
    @Test
    void shouldNotLetAQueryExpressionMoveAStatutoryDeadline() throws Exception {
        String number = caseFile.open(new NewCase("PRB", "时限探测", "applicant2", "零号湾科技", "stc"), "stc-officer")
                .number();
        clocks.start(number, 30, DayUnit.WORKING, "stc-officer");
        Date due = clocks.due(number);
        String expression = "${statutoryClock.extend('" + number + "', 30, '探测', 'applicant1')}";
        String query = JSON.writeValueAsString(Map.of("orQueries", List.of(Map.of("assigneeExpression", expression))));

        for (String path : List.of("/engine-rest/task;a=b", "/engine-rest/task/;a=b", "/engine-rest/./task",
                "/engine-rest//task", "/engine-rest/%74ask")) {
            HttpResponse<String> response = http().postJson(path, "applicant1", query);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
        }
        HttpResponse<String> plain = http().postJson("/engine-rest/task", "applicant1",
                JSON.writeValueAsString(Map.of("assigneeExpression", expression)));
        assertThat(plain.statusCode()).isEqualTo(400);

        String filter = JSON.writeValueAsString(Map.of("resourceType", "Task", "name", "探测过滤器",
                "query", Map.of("assigneeExpression", expression)));
        HttpResponse<String> created = http().postJson("/engine-rest/filter/create", "admin", filter);
        assertThat(created.statusCode()).isEqualTo(200);
        String filterId = JSON.readTree(created.body()).path("id").asText();
        assertThat(http().get("/engine-rest/filter/" + filterId + "/list", "admin").statusCode())
                .as("an admin's stored expression reaches no bean").isNotEqualTo(200);
        http().send(http().request("/engine-rest/filter/" + filterId, "admin").DELETE());

        assertThat(clocks.due(number)).isEqualTo(due);
    }

    // 4. Spoofed applicant
    @Test
    void shouldFileTheCaseAsTheLoggedInApplicantWhateverTheVariablesSay() throws Exception {
        for (Object spoofed : new Object[] {"applicant2", null}) {
            Map<String, Object> application = application();
            application.put("applicant", spoofed);

            HttpResponse<String> response = http().postJson(START_CERTIFICATION, "applicant1", start(application, Map.of()));

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            String number = JSON.readTree(response.body()).path("businessKey").asText();
            assertThat(caseFile.get(number).applicantUser()).isEqualTo("applicant1");
        }
    }

    @Test
    void shouldNotLetAnApplicantReportAChangeToAnotherOperatorsCertificate() throws Exception {
        String[] competitor = competitorsCertificate();
        long reports = instances("incubator-change-report");
        Map<String, Object> report = new LinkedHashMap<>(Map.of("certificateNumber", competitor[0],
                "changeType", "NAME", "newIncubatorName", "冒名孵化器", "changeDate", "2026-11-01",
                "changeDescription", "孵化器更名，已完成工商变更登记。", "applicant", "applicant2"));

        HttpResponse<String> response = http().postJson(START_CHANGE_REPORT, "applicant1", start(report, Map.of()));

        assertThat(response.statusCode()).isGreaterThanOrEqualTo(400);
        assertThat(response.body()).contains("只有证书持有单位可以报告变更");
        assertThat(instances("incubator-change-report")).isEqualTo(reports);
    }

    // 5. A skipped case reusing another case's number
    @Test
    void shouldNotStartAnInstanceUnderAnotherCasesNumber() throws Exception {
        String existing = runtime.createProcessInstanceQuery().processDefinitionKey("incubator-certification")
                .list().stream().map(instance -> instance.getBusinessKey()).filter(key -> key != null)
                .findFirst().orElseThrow();
        long cases = count("case_record");

        for (Map<String, Object> options : List.<Map<String, Object>>of(
                Map.of("businessKey", existing, "skipCustomListeners", true),
                Map.of("businessKey", existing))) {
            HttpResponse<String> response = http().postJson(START_CERTIFICATION, "applicant1",
                    start(Map.of("incubatorName", "占号"), options));
            assertThat(response.statusCode()).as(options.toString()).isBetween(400, 499);
        }
        HttpResponse<String> chosen = http().postJson(START_CERTIFICATION, "applicant1",
                start(application(), Map.of("businessKey", "INC-2099-9999")));

        assertThat(chosen.statusCode()).isEqualTo(403);
        assertThat(chosen.body()).contains(EngineRequestGuard.CHOOSES_HOW_TO_START);
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey("incubator-certification")
                .processInstanceBusinessKey(existing).count()).isEqualTo(1);
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey("INC-2099-9999").count()).isZero();
        assertThat(count("case_record")).isEqualTo(cases);
    }

    /** Findings 1, 2, 4 and 5 through a path other than the REST API: the engine itself refuses. */
    @Test
    void shouldRefuseTheSameInTheEngineWhateverPathReachesIt() {
        long instances = instances("incubator-certification");
        identity.setAuthentication("applicant1", List.of("applicants"));

        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("incubator-certification")
                .setVariables(application()).startBeforeActivity("Task_IssueCertificate").execute())
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(CallerCommandPolicy.NOT_FROM_AN_ACTIVITY);
        assertThatThrownBy(() -> runtime.createProcessInstanceByKey("incubator-certification")
                .businessKey("INC-2099-9998").setVariables(application()).execute())
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(CallerCommandPolicy.CHOSEN_KEY);
        assertThatThrownBy(() -> runtime.createMessageCorrelation("任意消息").correlateAll())
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(CallerCommandPolicy.ADMINS_ONLY);
        String started = runtime.createProcessInstanceByKey("incubator-certification")
                .setVariables(application()).execute().getId();
        assertThatThrownBy(() -> runtime.setVariable(started, "applicant", "applicant2"))
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(CallerCommandPolicy.VARIABLES_BY_FORM);
        assertThatThrownBy(() -> runtime.createProcessInstanceModification(started)
                .startBeforeActivity("Task_IssueCertificate").execute())
                .isInstanceOf(AuthorizationException.class).hasMessageContaining(CallerCommandPolicy.ADMINS_ONLY);
        assertThatThrownBy(() -> tasks.createTaskQuery().taskAssigneeExpression("${currentUser()}").list())
                .hasMessageContaining(CallerCommandPolicy.NO_QUERY_EXPRESSIONS);
        identity.clearAuthentication();

        assertThat(instances("incubator-certification")).isEqualTo(instances + 1);
        assertThat(runtime.getVariable(started, "applicant")).isEqualTo("applicant1");
    }

    // 6. Supervisors write
    @Test
    void shouldKeepSupervisorsFromCommentingOrAttachingOnOthersTasks() {
        String task = departmentTask("PRB-COMMENT");

        HttpResponse<String> comment = http().postJson("/engine-rest/task/" + task + "/comment/create", "supervisor",
                "{\"message\":\"督查意见\"}");
        assertThat(comment.statusCode()).as("refused by the engine, which the REST API reports as 400")
                .isIn(400, 403);
        assertThat(http().postFile("/engine-rest/task/" + task + "/attachment/create", "supervisor",
                "attachment-name", "x.txt", "x.txt", "text/plain", "x".getBytes(StandardCharsets.UTF_8))
                .statusCode()).isEqualTo(403);
        identity.setAuthentication("supervisor", List.of("supervision"));
        assertThatThrownBy(() -> tasks.createComment(task, null, "绕过接口"))
                .as("the engine refuses too").isInstanceOf(AuthorizationException.class);
        assertThatThrownBy(() -> tasks.createAttachment("text", task, null, "x", "x", "http://x"))
                .isInstanceOf(AuthorizationException.class);
        identity.clearAuthentication();

        assertThat(tasks.getTaskComments(task)).isEmpty();
        assertThat(tasks.getTaskAttachments(task)).isEmpty();
        identity.setAuthentication("stc-officer", List.of("stc"));
        tasks.createComment(task, null, "已核对");
        identity.clearAuthentication();
        assertThat(tasks.getTaskComments(task)).as("the department that works it may comment")
                .extracting(note -> note.getFullMessage()).containsExactly("已核对");
    }

    // 7. The Java-serialization guard, however spelled
    @Test
    void shouldRefuseJavaSerializedVariablesHoweverTheFormatIsSpelled() {
        long before = instances("foundation-fixture");
        for (String format : List.of("APPLICATION/X-JAVA-SERIALIZED-OBJECT", "application/x-java-serialized-object ",
                "application/x-java-serialized-object;v=1", " Application/X-Java-Serialized-Object ; v=1")) {
            String start = "{\"variables\":{\"topic\":{\"value\":\"incubator\",\"type\":\"String\"},"
                    + "\"payload\":{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":{"
                    + "\"objectTypeName\":\"java.lang.String\",\"serializationDataFormat\":\"" + format + "\"}}}}";

            HttpResponse<String> response = http().postJson(
                    "/engine-rest/process-definition/key/foundation-fixture/start", "applicant1", start);

            assertThat(response.statusCode()).as(format).isEqualTo(400);
            assertThat(response.body()).as(format).contains("Java 序列化");
        }
        assertThat(instances("foundation-fixture")).isEqualTo(before);
    }

    // 8. Unauthenticated engine list
    @Test
    void shouldNotListTheEnginesToAnonymousCallers() {
        assertThat(http().get("/engine-rest/engine", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/engine-rest/engine/", null).statusCode()).isEqualTo(401);
        HttpResponse<String> anonymous = WebappSession.login(http(), "tasklist", null).get("/camunda/api/engine/engine/");
        assertThat(anonymous.body()).as("the login page asks first; it learns of no engine").isEqualTo("[]");
        assertThat(WebappSession.login(http(), "tasklist", null).get("/camunda/api/engine/engine/default/task")
                .statusCode()).isEqualTo(401);
        assertThat(WebappSession.login(http(), "tasklist", "stc-officer").get("/camunda/api/engine/engine/").body())
                .contains("default");
    }

    // 9. Headers
    @Test
    void shouldSendSecurityHeadersOnPagesApisAndDownloads() throws Exception {
        HttpResponse<String> page = http().get("/camunda/app/tasklist/", null);
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("SAMEORIGIN");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("same-origin");

        String number = JSON.readTree(http().postJson("/api/incubators/applications", "applicant1",
                JSON.writeValueAsString(application())).body()).path("caseNumber").asText();
        String attachment = JSON.readTree(http().postFile("/api/incubators/applications/" + number + "/attachments",
                "applicant1", "kind", "APPLICATION_FORM", "申报书.pdf", "application/pdf",
                "%PDF-1.7\n申报书".getBytes(StandardCharsets.UTF_8)).body()).path("id").asText();
        for (HttpResponse<String> api : List.of(http().get("/api/cases/" + number, "applicant1"),
                http().get("/api/incubators/applications/" + number + "/attachments/" + attachment, "applicant1"),
                http().get("/engine-rest/task", "stc-officer"), http().get("/engine-rest/task", null))) {
            String what = api.uri().getPath() + " " + api.statusCode();
            assertThat(api.headers().firstValue("X-Content-Type-Options")).as(what).hasValue("nosniff");
            assertThat(api.headers().firstValue("Cache-Control")).as(what).hasValue("no-store");
            assertThat(api.headers().firstValue("Content-Security-Policy")).as(what).hasValueSatisfying(
                    csp -> assertThat(csp).contains("default-src 'none'"));
        }
    }

    private String departmentTask(String businessKey) {
        String instance = runtime.startProcessInstanceByKey("foundation-fixture", businessKey,
                Map.of("topic", "incubator")).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    /** A certificate held by applicant2 (the demo data certifies one): number and case number. */
    private static String[] competitorsCertificate() {
        String row = PostgresTestServer.shared().query("SELECT certificate_number || '|' || case_number "
                + "FROM incubator_certificate WHERE applicant_user = 'applicant2' AND status = 'VALID' LIMIT 1");
        return row.split("\\|");
    }

    private static String certificateStatus(String number) {
        return PostgresTestServer.shared().query(
                "SELECT status FROM incubator_certificate WHERE certificate_number = '" + number + "'");
    }

    private long instances(String key) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(key).count();
    }

    private static long count(String table) {
        return Long.parseLong(PostgresTestServer.shared().query("SELECT COUNT(*) FROM " + table));
    }

    /** A qualifying incubator application with a credit code of its own. */
    private static Map<String, Object> application() {
        Map<String, Object> v = new LinkedHashMap<>(ApplicationFixture.qualifying("91310112MA1P"
                + "%05d".formatted(SERIAL.incrementAndGet() + (int) (System.nanoTime() % 900) * 100)));
        v.put("incubatorName", "探测孵化器");
        return v;
    }

    /** An engine REST start body: the variables in the REST format, plus start options. */
    private static String start(Map<String, Object> variables, Map<String, Object> options) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>(options);
        Map<String, Object> typed = new LinkedHashMap<>();
        variables.forEach((name, value) -> {
            Map<String, Object> variable = new LinkedHashMap<>();
            variable.put("value", value);
            typed.put(name, variable);
        });
        body.put("variables", typed);
        return JSON.writeValueAsString(body);
    }
}
