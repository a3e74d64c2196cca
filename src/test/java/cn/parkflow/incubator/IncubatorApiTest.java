package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresTestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * POST /api/incubators/applications, attachments (the kernel's case documents), the formal check's
 * required attachments and the certificate register over HTTP, on PostgreSQL.
 */
class IncubatorApiTest extends IncubatorApplicationTest {

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.7\n".getBytes(StandardCharsets.UTF_8);

    @Autowired
    OperatorBans bans;
    @Autowired
    CertificateRegister register;
    @Autowired
    CaseFile caseFile;
    @Autowired
    TaskService taskService;

    /** A qualifying application with a credit code no other test uses. */
    static Map<String, Object> application() {
        Map<String, Object> v = new HashMap<>(CertificationProcessSupport.application());
        v.put("creditCode", CertificationProcessSupport.validCreditCode("9131011200%07d".formatted(
                SERIAL.incrementAndGet() + (int) (System.nanoTime() % 1000) * 1000)));
        return v;
    }

    private HttpResponse<String> submit(String user, Map<String, Object> body) throws Exception {
        return http().postJson("/api/incubators/applications", user, JSON.writeValueAsString(body));
    }

    private static long count(String table) {
        return Long.parseLong(PostgresTestServer.shared().query("SELECT COUNT(*) FROM " + table));
    }

    @Test
    void shouldOpenACaseAndStartTheCertificationForAnApplicant() throws Exception {
        HttpResponse<String> response = submit("applicant1", application());

        assertThat(response.statusCode()).isEqualTo(201);
        String number = JSON.readTree(response.body()).path("caseNumber").asText();
        assertThat(number).matches("INC-\\d{4}-\\d{4}");
        assertThat(caseFile.get(number).applicantUser()).isEqualTo("applicant1");
        assertThat(caseFile.get(number).department()).isEqualTo("stc");
        assertThat(PostgresTestServer.shared().query(
                "SELECT COUNT(*) FROM act_ru_execution WHERE business_key_ = '" + number + "'")).isNotEqualTo("0");
    }

    @Test
    void shouldRejectAWrongCheckCharacterAndStoreNothing() throws Exception {
        Map<String, Object> body = application();
        String code = (String) body.get("creditCode");
        body.put("creditCode", code.substring(0, 17) + (code.charAt(17) == 'X' ? 'Y' : 'X'));
        long cases = count("case_record");

        HttpResponse<String> response = submit("applicant1", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("creditCode").contains("校验码");
        assertThat(count("case_record")).isEqualTo(cases);
    }

    @Test
    void shouldNameEachMissingTooLongOrMistypedField() throws Exception {
        Map<String, Object> body = application();
        body.remove("operatorName");
        body.put("incubatorName", "孵".repeat(101));
        body.put("contactPhone", "12345");
        assertThat(submit("applicant1", body).body()).contains("operatorName", "incubatorName", "contactPhone");

        Map<String, Object> mistyped = application();
        mistyped.put("area", "很大");
        HttpResponse<String> response = submit("applicant1", mistyped);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("area：格式不正确");
    }

    @Test
    void shouldRefuseAnOperatorBannedForFraudWithTheDateItMayApplyAgain() throws Exception {
        Map<String, Object> body = application();
        bans.ban((String) body.get("creditCode"), LocalDate.of(2099, 1, 15), "虚报在孵企业数量", null);
        long cases = count("case_record");

        HttpResponse<String> response = submit("applicant1", body);

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(response.body()).contains("2099年1月15日起方可再次申请", "\"mayApplyFrom\":\"2099-01-15\"");
        assertThat(count("case_record")).isEqualTo(cases);
    }

    @Test
    void shouldLetOnlyApplicantsSubmit() throws Exception {
        assertThat(submit("stc-officer", application()).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldStoreAnAttachmentOfTheListedKindsWithinTheLimits() throws Exception {
        String number = JSON.readTree(submit("applicant1", application()).body()).path("caseNumber").asText();
        byte[] pdf = "%PDF-1.7\n申报书".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> added = upload(number, "applicant1", "APPLICATION_FORM", "申报书.pdf", "application/pdf", pdf);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"kindLabel\":\"申报书\"", "\"sizeBytes\":" + pdf.length);

        assertThat(upload(number, "applicant1", "APPLICATION_FORM", "virus.pdf", "application/pdf",
                "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1)).body()).contains("仅接受 PDF、JPG、PNG、OFD");
        assertThat(upload(number, "applicant1", "PHOTO", "a.pdf", "application/pdf", pdf).body()).contains("kind：");
        assertThat(upload(number, "applicant2", "APPLICATION_FORM", "a.pdf", "application/pdf", pdf).statusCode())
                .isEqualTo(403);
        byte[] tooBig = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(pdf, 0, tooBig, 0, pdf.length);
        assertThat(upload(number, "applicant1", "FUND_PROOF", "big.pdf", "application/pdf", tooBig).body())
                .contains("文件大小");

        HttpResponse<String> listed = http().get("/api/incubators/applications/" + number + "/attachments", "stc-officer");
        assertThat(listed.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(listed.body())).hasSize(1);
        assertThat(http().get("/api/incubators/applications/" + number + "/attachments", "applicant2").statusCode())
                .isEqualTo(403);
        assertThat(caseFile.events(number)).anySatisfy(event -> assertThat(event.action()).isEqualTo("ATTACHMENT_ADDED"));
    }

    @Test
    void shouldKeepTheApplicationAtTheUploadStepUntilEveryRequiredAttachmentIsThere() throws Exception {
        String number = JSON.readTree(submit("applicant1", application()).body()).path("caseNumber").asText();
        upload(number, "applicant1", "APPLICATION_FORM", "申报书.pdf", "application/pdf", PDF);
        upload(number, "applicant1", "SUPPLEMENT", "补充说明.pdf", "application/pdf", PDF);

        HttpResponse<String> refused = http().postJson("/api/incubators/applications/" + number + "/submission",
                "applicant1", "");

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("上传申报材料未能提交：尚缺材料：上年度火炬统计报表、运营机构营业执照、"
                + "场地证明（剩余租期不少于3年）、在孵企业名单、孵化资金证明、管理制度、诚信承诺书。");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_FORMAL_CHECK).count()).isZero();

        attachRequired(http(), number);

        String task = formalCheckTask(number);
        assertThat((String) taskService.getVariable(task, IncubatorCertificationProcess.ATTACHMENT_SUMMARY))
                .contains("申报书：申报书.pdf").doesNotContain("尚缺");
        HttpResponse<String> accepted = http().postJson("/engine-rest/task/" + task + "/submit-form", "stc-officer",
                "{\"variables\":{\"formalCheckResult\":{\"value\":\"COMPLETE\"}}}");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }

    @Test
    void shouldAcceptTheSupplementOnlyWhenItWasUploadedAfterThisRoundsRequest() throws Exception {
        // given: a 补正材料 uploaded with the application, before any 补正 was asked for
        String number = JSON.readTree(submit("applicant1", application()).body()).path("caseNumber").asText();
        upload(number, "applicant1", "SUPPLEMENT", "早先的补充说明.pdf", "application/pdf", PDF);
        attachRequired(http(), number);
        String check = formalCheckTask(number);
        assertThat(http().postJson("/engine-rest/task/" + check + "/submit-form", "stc-officer",
                "{\"variables\":{\"formalCheckResult\":{\"value\":\"INCOMPLETE\"},"
                        + "\"formalCheckOpinion\":{\"value\":\"请补充场地租赁合同\"}}}").statusCode()).isEqualTo(204);
        await("the 补正 step", () -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_SUPPLEMENT).count() == 1);
        String supplement = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_SUPPLEMENT).singleResult().getId();
        String answer = "{\"variables\":{\"supplementNote\":{\"value\":\"已补充租赁合同\"},"
                + "\"supplementConfirmed\":{\"value\":true}}}";

        // when: the applicant answers without uploading anything in this round
        HttpResponse<String> refused = http().postJson("/engine-rest/task/" + supplement + "/submit-form", "applicant1", answer);

        // then: refused, naming the kind; after an upload in this round, accepted
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("尚缺材料：补正材料（须在本次补正要求之后上传）");
        assertThat(http().get("/api/documents?task=" + supplement, "applicant1").body()).as("the 材料 tab")
                .contains("{\"code\":\"SUPPLEMENT\",\"label\":\"补正材料\",\"present\":false}");
        assertThat(upload(number, "applicant1", "SUPPLEMENT", "租赁合同.pdf", "application/pdf", PDF).statusCode())
                .isEqualTo(201);
        assertThat(http().get("/api/documents?task=" + supplement, "applicant1").body())
                .contains("{\"code\":\"SUPPLEMENT\",\"label\":\"补正材料\",\"present\":true}");
        HttpResponse<String> accepted = http().postJson("/engine-rest/task/" + supplement + "/submit-form", "applicant1", answer);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }

    @Test
    void shouldLetStcOpenACallForApplicationsThatEveryoneCanRead() throws Exception {
        // given: a call about a year ahead, announced by an officer of stc
        LocalDate opens = EngineClock.today().plusDays(400);
        String call = window("2027年度高质量孵化器认定申报通知（闵科〔2027〕1号）", opens, opens.plusDays(20));

        // when / then
        HttpResponse<String> opened = http().postJson("/api/incubators/windows", "stc-officer", call);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        assertThat(JSON.readTree(opened.body()).path("opensOn").asText()).isEqualTo(opens.toString());
        HttpResponse<String> list = http().get("/api/incubators/windows", "applicant1");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("闵科〔2027〕1号", opens.plusDays(20).toString());
        HttpResponse<String> byApplicant = http().postJson("/api/incubators/windows", "applicant1",
                window("申请人发布的通知", opens.plusDays(100), opens.plusDays(110)));
        assertThat(byApplicant.statusCode()).isEqualTo(403);
        assertThat(byApplicant.body()).contains("只有区科委（stc）工作人员可以发布申报通知");
    }

    @Test
    void shouldNameEachBadFieldOfACallForApplicationsAndStoreNothing() throws Exception {
        LocalDate opens = EngineClock.today().plusDays(600);
        assertThat(http().postJson("/api/incubators/windows", "stc-officer",
                window("第一批申报通知", opens, opens.plusDays(10))).statusCode()).isEqualTo(201);
        long windows = count("incubator_application_window");

        assertThat(badWindow(window(" ", opens.plusDays(100), opens.plusDays(110)))).contains("title", "请填写申报通知标题");
        assertThat(badWindow(window("第二批", opens.plusDays(110), opens.plusDays(100))))
                .contains("closesOn", "截止日期不能早于开始日期");
        assertThat(badWindow(window("补发通知", EngineClock.today().minusDays(1), EngineClock.today().plusDays(5))))
                .contains("opensOn", "开始日期不能早于今天");
        assertThat(badWindow(window("重叠通知", opens.plusDays(5), opens.plusDays(30))))
                .contains("opensOn", "与已发布的申报通知「第一批申报通知」", "重叠");
        assertThat(badWindow("{\"title\":\"格式\",\"opensOn\":\"2027-13-01\",\"closesOn\":\"2027-12-31\"}"))
                .contains("opensOn：格式不正确");
        assertThat(badWindow("{\"title\":\"缺截止日期\",\"opensOn\":\"" + opens.plusDays(200) + "\"}"))
                .contains("closesOn", "请填写申报截止日期");
        assertThat(count("incubator_application_window")).isEqualTo(windows);
    }

    @Test
    void shouldRefuseAnApplicationOutsideTheCallOnTheApiAndFromTheStartForm() throws Exception {
        // given: a day long before any call (the demo profile opened one covering today)
        long cases = count("case_record");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(java.util.Date.from(
                EngineClock.today().minusYears(3).atTime(10, 0).atZone(EngineClock.ZONE).toInstant()));
        try {
            // when: submitted through our REST API
            HttpResponse<String> api = submit("applicant1", application());

            // then: 409 naming the next call's dates
            assertThat(api.statusCode()).as(api.body()).isEqualTo(409);
            assertThat(JSON.readTree(api.body()).path("detail").asText()).startsWith("当前不在申报期内，不予接收申请：下一期")
                    .contains(chinese(EngineClock.today().plusYears(3)));

            // when: submitted from Tasklist's start form
            HttpResponse<String> tasklist = http().postJson(
                    "/engine-rest/process-definition/key/incubator-certification/submit-form", "applicant1",
                    camundaVariables(application()));

            // then: 400 with the same sentence, as Tasklist shows it
            assertThat(tasklist.statusCode()).as(tasklist.body()).isEqualTo(400);
            assertThat(tasklist.body()).contains("当前不在申报期内，不予接收申请：下一期");
        } finally {
            org.camunda.bpm.engine.impl.util.ClockUtil.reset();
        }
        assertThat(count("case_record")).isEqualTo(cases);
    }

    private String badWindow(String body) {
        HttpResponse<String> response = http().postJson("/api/incubators/windows", "stc-officer", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return response.body();
    }

    private static String window(String title, LocalDate opensOn, LocalDate closesOn) throws Exception {
        return JSON.writeValueAsString(Map.of("title", title, "opensOn", opensOn.toString(),
                "closesOn", closesOn.toString()));
    }

    private static String chinese(LocalDate day) {
        return "%d年%d月%d日".formatted(day.getYear(), day.getMonthValue(), day.getDayOfMonth());
    }

    private static String camundaVariables(Map<String, Object> variables) throws Exception {
        Map<String, Object> typed = new HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return JSON.writeValueAsString(Map.of("variables", typed));
    }

    @Test
    void shouldListTheCertificatesInForceNumberedInSequence() throws Exception {
        LocalDate today = EngineClock.today();
        Certificate first = register.issue(draft("HIGH_QUALITY"), today);
        Certificate second = register.issue(draft("UPGRADE"), today);
        Certificate revoked = register.issue(draft("HIGH_QUALITY"), today);
        register.revoke(revoked.number(), "场地变更后不再符合条件", false, revoked.caseNumber(), today);

        assertThat(sequence(second.number())).isEqualTo(sequence(first.number()) + 1);
        assertThat(first.number()).startsWith("闵科孵认〔" + today.getYear() + "〕");
        assertThat(first.validUntil()).isEqualTo(today.plusYears(3).minusDays(1));
        HttpResponse<String> register = http().get("/api/incubators/certificates?valid=true", "stc-officer");
        assertThat(register.statusCode()).isEqualTo(200);
        assertThat(register.body()).contains(first.number(), second.number()).doesNotContain(revoked.number());
        // the register says which track each certificate is: an upgrade is not a high-quality incubator
        for (var entry : JSON.readTree(register.body())) {
            if (entry.path("number").asText().equals(first.number())) {
                assertThat(entry.path("track").asText()).isEqualTo("HIGH_QUALITY");
                assertThat(entry.path("trackLabel").asText()).isEqualTo("高质量孵化器");
            }
            if (entry.path("number").asText().equals(second.number())) {
                assertThat(entry.path("track").asText()).isEqualTo("UPGRADE");
                assertThat(entry.path("trackLabel").asText()).isEqualTo("转型升级孵化器");
            }
        }
        assertThat(register.body()).contains("\"trackLabel\":\"转型升级孵化器\"");

        // a change report of the area (第十五条) reaches the register
        this.register.applyChange(first.number(), null, null, null, 15000.0, first.caseNumber());
        assertThat(this.register.find(first.number()).orElseThrow().area()).isEqualTo(15000.0);
        assertThat(this.register.find(second.number()).orElseThrow().area()).isEqualTo(12000.0);
        assertThat(http().get("/api/incubators/certificates?valid=true", "stc-officer").body())
                .contains("\"area\":15000.0");
        assertThat(http().get("/api/incubators/certificates?valid=true", "supervisor").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/incubators/certificates?valid=true", "applicant1").statusCode()).isEqualTo(403);
    }

    private Certificate draft(String track) {
        String number = caseFile.open(new NewCase("INC", "孵化器认定申请：测试", "applicant1", "测试运营机构", "stc"),
                "applicant1").number();
        return new Certificate(null, number, "测试孵化器", "测试运营机构",
                CertificationProcessSupport.validCreditCode("91310112MA1GB9999"), track, "闵行区", 12000.0, "applicant1",
                null, null, null, null);
    }

    private static int sequence(String certificateNumber) {
        return Integer.parseInt(certificateNumber.replaceAll(".*〕(\\d+)号", "$1"));
    }

    /** The formal check of the case, claimed by stc-officer as Tasklist does before submitting. */
    private String formalCheckTask(String number) {
        await("formal check of " + number, () -> taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_FORMAL_CHECK).count() == 1);
        String task = taskService.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(IncubatorCertificationProcess.TASK_FORMAL_CHECK).singleResult().getId();
        assertThat(http().postJson("/engine-rest/task/" + task + "/claim", "stc-officer",
                "{\"userId\":\"stc-officer\"}").statusCode()).isEqualTo(204);
        return task;
    }

    /** Every attachment a complete application has, uploaded by its applicant, who then submits them (上传申报材料). */
    static void attachRequired(Http http, String number) {
        for (String kind : AttachmentKind.required()) {
            HttpResponse<String> added = http.postFile("/api/incubators/applications/" + number + "/attachments",
                    "applicant1", "kind", kind, kind + ".pdf", "application/pdf", PDF);
            assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        }
        HttpResponse<String> submitted = http.postJson("/api/incubators/applications/" + number + "/submission",
                "applicant1", "");
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(200);
    }

    private HttpResponse<String> upload(String number, String user, String kind, String fileName, String type,
                                        byte[] content) {
        return http().postFile("/api/incubators/applications/" + number + "/attachments", user, "kind", kind,
                fileName, type, content);
    }
}
