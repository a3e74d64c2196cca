package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.incubator.ApplicationFixture;
import cn.parkflow.support.Http;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An applicant, an officer and the applicant again, each in a real (headless) browser, through one
 * incubator application: the applicant starts it and sees the case number, uploads the documents in
 * the 材料 tab and completes 上传申报材料 (refused while a kind is missing), opens 我的案件 and the
 * case page; the officer lands on 本部门待办, finds the case by its number on the card, opens an
 * uploaded file and asks for 补正; the applicant uploads the supplement from the 补正 step. Then,
 * over HTTP, who may see what. Screenshots: target/screenshots/people.
 */
@ExtendWith(OutputCaptureExtension.class)
class PeopleBrowserTest extends ZhBrowserTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> APPLICATION_KINDS = List.of("APPLICATION_FORM", "TORCH_STATISTICS",
            "OPERATOR_LICENCE", "SITE_PROOF", "INCUBATEE_LIST", "FUND_PROOF", "MANAGEMENT_RULES", "INTEGRITY_PLEDGE");

    /**
     * A whole certification's mails at once, one per person per event (printed by the test): applicant 3
     * (受理, 拟认定, 证书), the seven experts 1 each (声明利益冲突), stc 1 (确认资格预审结果, due within 2
     * working days). Before the hourly department digest: 16 (stc 4, zerobay 1, supervision 1); the other
     * 5 department tasks, due later, now wait for their department's 待办汇总 ({@link #EXPECTED_DIGESTED}).
     * Before one mail per event: 44 (each expert 5).
     */
    private static final int EXPECTED_MAILS = 11;
    /** The case's department tasks listed in the hourly 待办汇总 instead of a mail each: 16 − 11. */
    private static final int EXPECTED_DIGESTED = 5;

    private final Map<String, String> tasklist = WebappLocales.labels(WebappLocales.chinese("tasklist"));
    @Autowired
    JdbcTemplate jdbc;

    @Override
    Path screenshots() {
        return Path.of("target", "screenshots", "people");
    }

    @Test
    void shouldLetApplicantAndOfficerWorkACaseInTheBrowserWithoutCurl() throws Exception {
        String[] caseNumber = new String[1];
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "applicant1");
            page.waitForText("我的任务");
            page.waitFor("新建任务 gone: applicants may not create tasks", "document.querySelector('.start-process-action') && !document.querySelector('.create-task-action')");
            assertThat(page.bodyText()).as("no department filter for an applicant").doesNotContain("本部门待办");
            startApplicationAsAPerson(page);
            page.waitFor("the case number after the start", "document.querySelector('.parkflow-case-number')");
            caseNumber[0] = page.evaluate("document.querySelector('.parkflow-case-number').innerText").asText();
            assertThat(caseNumber[0]).matches("INC-\\d{4}-\\d{4}");
            String started = runtime.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber[0])
                    .processDefinitionKey("incubator-certification").singleResult().getId();
            assertThat(runtime.getVariables(started)).as("what was typed into the start form")
                    .containsEntry("operatorName", "上海零号湾创业服务有限公司").containsEntry("block", "ZEROBAY")
                    .containsEntry("foundingDate", "2020-05-01").containsEntry("integrityPledge", true)
                    .containsEntry("targets", "三年内培育高新技术企业30家，毕业企业40家。");
            assertChinese(page.screenshot("01-applicant-case-number"));
            assertThat(page.bodyText()).doesNotContain(tasklist.get("CREATE_TASK"));

            Task upload = task(caseNumber[0], "Task_UploadApplicationDocuments");
            assertThat(upload.getAssignee()).isEqualTo("applicant1");
            page.open("tasklist/default/#/?task=" + upload.getId());
            page.waitFor("the upload step's form", "document.querySelector('.fjs-container textarea')");
            page.waitFor("the task's people", "document.querySelector('[cam-tasklist-task-meta] .assignee')");
            page.waitFor("no 添加办理部门 for an applicant", "!document.querySelector('[cam-tasklist-task-meta] li.groups')"
                    + " && !document.body.innerText.includes('添加办理部门')");
            page.click("button", tasklist.get("COMPLETE"));
            page.waitForText("尚缺材料");
            assertThat(page.bodyText()).contains("上传申报材料未能提交：尚缺材料：申报书、").doesNotContain("ENGINE-");
            page.screenshot("02-applicant-upload-step-refused");

            page.open("tasklist/default/#/?task=" + upload.getId() + "&detailsTab=parkflow.caseDocuments");
            page.waitForText("上传本环节材料");
            for (String kind : APPLICATION_KINDS) {
                uploadPdf(page, kind, kind.toLowerCase() + ".pdf");
            }
            page.waitForText("本环节要求的材料均已上传。");
            assertThat(page.evaluate("document.querySelectorAll('table.parkflow-documents tbody tr').length").asInt())
                    .isEqualTo(8);
            // file names and formats (PDF, MB) are Latin here by nature: no assertChinese
            page.screenshot("03-applicant-materials-tab");

            page.open("tasklist/default/#/?task=" + upload.getId());
            page.waitFor("the upload step's form", "document.querySelector('.fjs-container textarea')");
            page.click("button", tasklist.get("COMPLETE"));
            waitUntil("the formal check", () -> tasks.createTaskQuery().processInstanceBusinessKey(caseNumber[0])
                    .taskDefinitionKey("Task_CheckApplicationFormally").count() == 1);

            page.openPath("/portal/");
            page.waitForText(caseNumber[0]);
            assertThat(page.bodyText()).contains("我的案件", "形式审查中", "形式审查", "区科委（园区管理办公室）", "等待区科委");
            assertThat(page.evaluate("document.querySelectorAll('#cases tbody tr').length").asInt())
                    .as("applicant1's own cases only").isEqualTo(caseCount("applicant1"));
            page.screenshot("04-applicant-my-cases");
            page.click("#cases a", caseNumber[0]);
            page.waitForText("材料与文书");
            assertThat(page.bodyText()).contains("办理过程", "上传附件", "申报书", "邮件通知");
            page.screenshot("05-applicant-case-page");
        });

        Task formalCheck = task(caseNumber[0], "Task_CheckApplicationFormally");
        inBrowser("zh-CN", page -> {
            page.viewport(1366, 768);
            page.login("tasklist", "stc-officer");
            page.waitForText(caseNumber[0]);
            assertThat(page.evaluate("""
                    [...document.querySelectorAll('[cam-tasklist-variables] .variable-value')]
                      .filter(v => v.innerText.includes('上海零号湾创业服务有限公司'))
                      .map(v => { const card = v.closest('.task-card-details');
                        const clipped = v.scrollWidth > v.clientWidth + 1 || card.scrollHeight > card.clientHeight + 1
                          || v.getBoundingClientRect().bottom > card.getBoundingClientRect().bottom;
                        return v.innerText.trim() + (clipped ? ' (cut off)' : ''); }).join('|')""")
                    .asText()).as("申请单位 on the card at 1366×768, whole").contains("上海零号湾创业服务有限公司")
                    .doesNotContain("(cut off)", "…");
            assertThat(page.evaluate("document.querySelector('.task-filter.active h4.name') "
                    + "&& document.querySelector('.task-filter.active h4.name').innerText").asText())
                    .as("the filter an officer lands on").contains("本部门待办");
            assertThat(page.bodyText()).contains("案件编号", "申请单位", "上海零号湾创业服务有限公司");
            assertChinese(page.screenshot("06-officer-department-queue"));

            page.open("tasklist/default/#/?task=" + formalCheck.getId() + "&detailsTab=parkflow.caseDocuments");
            page.waitFor("the documents of the case", "document.querySelector('a.parkflow-open-document')");
            assertThat(page.evaluate("""
                    (async () => { const link = document.querySelector('a.parkflow-open-document');
                      const r = await fetch(link.href, {credentials: 'same-origin'});
                      return r.status + ' ' + r.headers.get('content-type'); })()""").asText())
                    .as("the officer opens an uploaded file").isEqualTo("200 application/pdf");
            assertThat(page.bodyText()).doesNotContain("上传本环节材料");
            page.screenshot("07-officer-materials-tab");

            page.open("tasklist/default/#/?task=" + formalCheck.getId());
            page.click("button", tasklist.get("CLAIM_TASK"));
            page.waitFor("the claimed task's form", "document.querySelector('.fjs-container input[type=radio]')"
                    + " && !document.querySelector('.disabled-form')");
            page.click(".fjs-container label", "材料不齐全");
            type(page, "补正要求／不齐全的说明", "请补充场地租赁合同（剩余租期不少于3年）。");
            page.screenshot("08-officer-asks-for-supplement");
            page.click("button", tasklist.get("COMPLETE"));
            waitUntil("the supplement step", () -> tasks.createTaskQuery().processInstanceBusinessKey(caseNumber[0])
                    .taskDefinitionKey("Task_SupplementApplication").count() == 1);
        });

        Task supplement = task(caseNumber[0], "Task_SupplementApplication");
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "applicant1");
            page.open("tasklist/default/#/?task=" + supplement.getId() + "&detailsTab=parkflow.caseDocuments");
            page.waitForText("上传本环节材料");
            assertThat(page.bodyText()).contains("尚缺：补正材料");
            uploadPdf(page, "SUPPLEMENT", "租赁合同.pdf");
            page.screenshot("09-applicant-supplement-upload");
            page.open("tasklist/default/#/?task=" + supplement.getId());
            page.waitFor("the supplement form", "document.querySelector('.fjs-container textarea:not([readonly]):not([disabled])')");
            type(page, "补正说明", "已上传租赁合同，剩余租期4年。");
            tick(page, "已按补正要求上传全部补正材料");
            page.click("button", tasklist.get("COMPLETE"));
            waitUntil("the formal check of the supplement", () -> tasks.createTaskQuery()
                    .processInstanceBusinessKey(caseNumber[0]).taskDefinitionKey("Task_CheckApplicationFormally").count() == 1);
            page.openPath("/portal/cases/" + caseNumber[0]);
            page.waitForText("租赁合同.pdf");
            page.screenshot("10-applicant-case-page-after-supplement");
        });

        Http http = new Http(port);
        WebappSession other = WebappSession.login(http, "tasklist", "applicant2");
        assertThat(other.get("/portal/").body()).as("applicant2's portal").doesNotContain(caseNumber[0]);
        assertThat(other.get("/portal/cases/" + caseNumber[0]).statusCode()).isEqualTo(403);
        long document = JSON.readTree(http.get("/api/cases/" + caseNumber[0] + "/documents", "applicant1").body())
                .get(0).get("id").asLong();
        String download = "/portal/cases/" + caseNumber[0] + "/documents/" + document;
        assertThat(other.get(download).statusCode()).as("a download for someone who may not read the case").isEqualTo(403);
        assertThat(WebappSession.login(http, "tasklist", "ecnu-tto-officer").get(download).statusCode())
                .as("an officer of another department").isEqualTo(403);
        assertThat(WebappSession.login(http, "tasklist", "applicant1").get(download).statusCode()).isEqualTo(200);
        assertThat(WebappSession.login(http, "tasklist", "stc-officer").get(download).statusCode()).isEqualTo(200);
        assertThat(WebappSession.login(http, "tasklist", null).get("/portal/").statusCode())
                .as("no login: to Tasklist's login, no password box").isEqualTo(302);
    }

    /**
     * A whole certification with a panel of five (seven experts in the group): one mail per person
     * per event. Each expert gets one 声明利益冲突 mail (not one per seat: 7, not 35), and no one gets
     * the same mail twice. The count is the case's mails in the outbox.
     */
    @Test
    void shouldMailEachPersonOncePerEventThroughAWholeCertification() throws Exception {
        Http http = new Http(port);
        Map<String, Object> application = new LinkedHashMap<>(ApplicationFixture.qualifying("91310112MA1PE0002"));
        application.put("incubatorName", "邮件计数孵化器");
        HttpResponse<String> submitted = http.postJson("/api/incubators/applications", "applicant1", JSON.writeValueAsString(application));
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
        String number = JSON.readTree(submitted.body()).path("caseNumber").asText();
        for (String kind : APPLICATION_KINDS) {
            assertThat(http.postFile("/api/incubators/applications/" + number + "/attachments", "applicant1", "kind", kind,
                    kind + ".pdf", "application/pdf", "%PDF-1.4\n".getBytes()).statusCode()).isEqualTo(201);
        }
        assertThat(http.postJson("/api/incubators/applications/" + number + "/submission", "applicant1", "").statusCode())
                .isEqualTo(200);
        completeAs(http, "stc-officer", number, "Task_CheckApplicationFormally", Map.of("formalCheckResult", "COMPLETE"));
        completeAs(http, "stc-officer", number, "Task_ConfirmEligibility", Map.of("eligibilityDecision", "ELIGIBLE"));
        for (int i = 1; i <= 5; i++) {
            String expert = "expert" + i;
            completeAs(http, expert, number, "Task_DeclareConflictOfInterest", Map.of("conflictDeclaration", "NO_CONFLICT"));
            completeAs(http, expert, number, "Task_ScoreApplication", Map.of("scoreCapability", 85, "scoreEffectiveness", 80,
                    "scoreSustainability", 78, "scoreInnovation", 82, "expertComment", "孵化服务体系完善，成效显著。"));
        }
        completeAs(http, "zerobay-officer", number, "Task_InspectSite", Map.of("inspectionDate", "2026-03-20",
                "verifiedArea", 11900, "verifiedIncubateeCount", 60, "siteInspectionResult", "CONFIRMED"));
        completeAs(http, "supervisor", number, "Task_DecideCertification", Map.of("certificationDecision", "APPROVE"));
        waitUntil("the public notice", () -> task(number, "Task_ReceiveObjections") != null);
        String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey("incubator-certification").singleResult().getId();
        var noticeEnd = engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId("BoundaryEvent_NoticePeriodEnded").singleResult();
        engine.getManagementService().setJobDuedate(noticeEnd.getId(), new java.util.Date());
        waitUntil("the certificate mail", () -> mails(number).stream().anyMatch(m -> m.get("TEMPLATE").equals("certificate-issued")));

        List<Map<String, Object>> mails = mails(number);
        Map<String, Long> perPersonAndMail = new java.util.TreeMap<>();
        mails.forEach(m -> perPersonAndMail.merge(m.get("RECIPIENT") + " · " + m.get("SUBJECT"), 1L, Long::sum));
        System.out.printf("[people] %d mails for %s:%n%s%n", mails.size(), number, String.join("\n",
                perPersonAndMail.entrySet().stream().map(e -> e.getValue() + " × " + e.getKey()).toList()));
        assertThat(perPersonAndMail).as("no one gets the same mail twice").allSatisfy((who, count) -> assertThat(count).isEqualTo(1L));
        assertThat(mails).filteredOn(m -> String.valueOf(m.get("SUBJECT")).contains("声明利益冲突"))
                .as("one 声明利益冲突 mail per expert of the group, not one per seat")
                .extracting(m -> m.get("RECIPIENT")).containsExactlyInAnyOrder("expert1", "expert2", "expert3", "expert4",
                        "expert5", "expert6", "expert7");
        assertThat(mails).as("the whole case's mails (listed above)").hasSize(EXPECTED_MAILS);
        List<Map<String, Object>> digested = jdbc.queryForList(
                "SELECT department, step FROM department_digest_entry WHERE case_number = ?", number);
        System.out.printf("[people] %d tasks of %s for the departments' digests: %s%n", digested.size(), number, digested);
        assertThat(digested).as("department tasks that can wait, listed in the hourly digest").hasSize(EXPECTED_DIGESTED)
                .extracting(row -> row.get("DEPARTMENT")).isSubsetOf("stc", "zerobay", "supervision");
    }

    /**
     * A start the server refuses, as Tasklist sends it: 400 (not 500) with one Chinese sentence naming
     * the field by its label, and in the log one INFO line, no ERROR and no stack trace.
     */
    @Test
    void shouldRefuseABadStartWith400NamingTheFieldByItsLabel(CapturedOutput log) throws Exception {
        Http http = new Http(port);
        WebappSession applicant = WebappSession.login(http, "tasklist", "applicant2");
        Map<String, Object> variables = new LinkedHashMap<>();
        ApplicationFixture.qualifying("91310112MA1PE0003").forEach((name, value) -> variables.put(name, Map.of("value",
                name.equals("creditCode") ? "91310112MA1PE0003X" : value)));
        int before = log.getAll().length();

        HttpResponse<String> refused = applicant.postJson(
                "/camunda/api/engine/engine/default/process-definition/key/incubator-certification/submit-form",
                JSON.writeValueAsString(Map.of("variables", variables)));

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        String message = JSON.readTree(refused.body()).path("message").asText();
        assertThat(message).startsWith("高质量孵化器认定").contains("统一社会信用代码：").endsWith("。")
                .doesNotContain("creditCode", "Cannot", "ENGINE-");
        String written = log.getAll().substring(before);
        assertThat(written.lines().filter(line -> line.contains("提交未被接受（400）"))).singleElement()
                .satisfies(line -> assertThat(line).contains("INFO"));
        assertThat(written).as("no ERROR or WARN of the engine or its REST API, no stack trace")
                .doesNotContain("ENGINE-16004", "ENGINE-REST-HTTP500", "SubmissionRefused", "\tat org.camunda");
    }

    /**
     * The supervisor in Cockpit sees a running case with its variables, but no button that would
     * change it (cancel, suspend, edit or delete variables, retry, change a task's people): the
     * engine's authorization check said no. An admin sees them. A change sent anyway is refused in
     * Chinese. Screenshots: 11-cockpit-supervisor-instance, 12-cockpit-supervisor-definition,
     * 13-cockpit-admin-instance.
     */
    @Test
    void shouldShowTheSupervisorInCockpitNoActionTheyCannotTake() throws Exception {
        String instance = tasks.createTaskQuery().taskId(startFixture("PEOPLE-COCKPIT-1")).singleResult().getProcessInstanceId();
        String definition = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getProcessDefinitionId();
        String changeButtons = """
                [...document.querySelectorAll('a.action-button, .ctn-toolbar .btn, [cam-widget-variables-table] .actions a, \
                [cam-widget-variables-table] .actions button, [ng-click^="cancelProcessInstance"], [ng-click^="deleteVariable"], \
                [ng-click^="editVariableValue"], [ng-click^="deleteDeployment"]')]
                  .filter(e => e.getClientRects().length > 0)
                  .map(e => (e.getAttribute('uib-tooltip') || e.getAttribute('ng-click') || e.className).trim())""";
        warmUpCockpit();
        inBrowser("zh-CN", page -> {
            page.viewport(1366, 768);
            loginToCockpit(page, "supervisor");
            page.open("cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
            page.waitFor("the instance's variables", "document.querySelector('[cam-widget-variables-table] tbody tr')");
            page.waitForText("applicantName");
            page.waitFor("the engine's answer applied", "document.querySelector('.parkflow-not-allowed')");
            assertThat(page.evaluate(changeButtons)).as("buttons that change the case, shown to a supervisor").isEmpty();
            page.screenshot("11-cockpit-supervisor-instance");

            page.open("cockpit/default/#/process-definition/" + definition + "/runtime");
            page.waitFor("the definition's instances", "[...document.querySelectorAll('a')].some(a => a.href.includes('"
                    + instance + "'))");
            page.waitFor("the engine's answer applied", "document.querySelector('.parkflow-not-allowed')");
            assertThat(page.evaluate(changeButtons)).as("buttons that change the process, shown to a supervisor").isEmpty();
            page.screenshot("12-cockpit-supervisor-definition");

            String refusal = page.evaluate("""
                    (async () => {
                      const token = document.cookie.match(/XSRF-TOKEN=([^;]+)/)[1];
                      const r = await fetch('/camunda/api/engine/engine/default/process-instance/%s',
                        {method: 'DELETE', credentials: 'same-origin', headers: {'X-XSRF-TOKEN': token, Accept: 'application/json'}});
                      return r.status + ' ' + (await r.json()).message; })()""".formatted(instance)).asText();
            assertThat(refusal).as("a change sent anyway").startsWith("403 ").containsPattern("\\p{IsHan}{4,}")
                    .doesNotContain("permission", "does not have");
        });
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(instance).count()).isEqualTo(1);

        inBrowser("zh-CN", page -> {
            page.viewport(1366, 768);
            loginToCockpit(page, "admin");
            page.open("cockpit/default/#/process-instance/" + instance + "/runtime?tab=variables-tab");
            page.waitFor("the instance's variables", "document.querySelector('[cam-widget-variables-table] tbody tr')");
            page.waitFor("the admin's buttons", "(" + changeButtons + ").length > 0");
            Files.writeString(screenshots().resolve("13-cockpit-admin-instance.buttons.txt"),
                    page.evaluate(changeButtons).toString());
            page.screenshot("13-cockpit-admin-instance");
        });
    }

    /**
     * The webapps' REST servlet starts on its first request; on a loaded machine that first request
     * outlasts RequireJS's wait for Cockpit's own plugin bundle, so it is made here first.
     */
    private void warmUpCockpit() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : List.of("/camunda/app/cockpit/default/", "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js",
                "/camunda/app/parkflow/supervision-board.js", "/camunda/app/parkflow/cockpit-actions.js")) {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    /** On a loaded machine RequireJS may give up on Cockpit's own bundle: the person reloads. */
    private static void loginToCockpit(WebappPage page, String user) {
        for (int attempt = 1; ; attempt++) {
            try {
                page.login("cockpit", user);
                return;
            } catch (AssertionError slowStart) {
                if (attempt == 3) {
                    throw slowStart;
                }
            }
        }
    }

    private List<Map<String, Object>> mails(String number) {
        return jdbc.queryForList("SELECT recipient, template, subject FROM notification WHERE case_number = ?", number);
    }

    private void completeAs(Http http, String user, String number, String step, Map<String, Object> values) throws Exception {
        String[] id = new String[1];
        waitUntil(step + " for " + user, () -> tasks.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(step)
                .list().stream().filter(t -> t.getAssignee() == null || t.getAssignee().equals(user)).findFirst()
                .map(t -> id[0] = t.getId()).isPresent());
        assertThat(http.postJson("/engine-rest/task/" + id[0] + "/claim", user, "{\"userId\":\"" + user + "\"}").statusCode())
                .isEqualTo(204);
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        HttpResponse<String> done = http.postJson("/engine-rest/task/" + id[0] + "/submit-form", user,
                JSON.writeValueAsString(Map.of("variables", variables)));
        assertThat(done.statusCode()).as(step + " by " + user + ": " + done.body()).isEqualTo(204);
    }

    /**
     * Fills the start form as a person does: 发起流程, the process, each field typed (focus, text,
     * leave the field: Camunda Forms debounces typing and only leaving the field keeps it), the
     * selects picked with the mouse, the date written as a person in zh-CN writes it, the pledge
     * ticked, then 开始.
     */
    private void startApplicationAsAPerson(WebappPage page) throws Exception {
        page.click("a", tasklist.get("START_PROCESS"));
        page.click(".modal-content a", "高质量孵化器认定");
        page.waitFor("the start form's fields", "document.querySelectorAll('.fjs-container input').length > 5");
        Map<String, Object> answers = ApplicationFixture.qualifying("91310112MA1PE0001");
        for (String labelAndKey : List.of("孵化器名称:incubatorName", "运营机构名称:operatorName",
                "统一社会信用代码:creditCode", "法定代表人:legalRepresentative", "联系人:contactName",
                "联系电话:contactPhone", "联系邮箱:contactEmail", "孵化场地地址:address", "重点孵化领域:industryFocus",
                "已报送火炬统计年数:statisticsYears", "孵化场地面积:area", "在孵企业使用面积:incubateeArea",
                "在孵企业数:incubateeCount", "累计毕业企业数:graduatedCount", "孵化服务人员数:staffCount",
                "其中专业孵化服务人员:professionalStaffCount", "创业导师数:mentorCount", "孵化资金规模:fundSize",
                "获得投融资的在孵企业数:financedCount", "申请专利的在孵企业数:patentApplicantCount",
                "拥有有效知识产权的在孵企业数:validIpCount", "三年发展目标:targets")) {
            String[] field = labelAndKey.split(":");
            Object value = answers.get(field[1]);
            type(page, field[0], value instanceof Double number && number == Math.rint(number)
                    ? String.valueOf(number.longValue()) : String.valueOf(value));
        }
        choose(page, "所在区块", "大零号湾");
        choose(page, "申报类别", "高质量孵化器");
        String founded = page.evaluate("new Date(2020, 4, 1).toLocaleDateString(navigator.language)").asText();
        page.type(field("运营机构成立日期"), founded);
        tick(page, "本单位承诺所填信息及所附材料真实");
        page.screenshot("00-applicant-start-form-filled");
        page.click(".modal-footer button", tasklist.get("START"));
    }

    /** Opens the select of the field with this label with the mouse and picks the option. */
    private static void choose(WebappPage page, String label, String option) {
        String field = "[...document.querySelectorAll('.fjs-form-field')].find(f => f.innerText.includes('" + label
                + "') && f.querySelector('.fjs-input-group'))";
        page.press(field + ".querySelector('.fjs-input-group')");
        page.press("[...document.querySelectorAll('.fjs-dropdownlist-item')].find(i => i.innerText.trim() === '"
                + option + "')");
        page.waitFor("the select " + label + " to show " + option,
                field + ".querySelector('.fjs-select-display').innerText.trim() === '" + option + "'");
    }

    /** The input of the form field with this label. */
    private static String field(String label) {
        return "[...document.querySelectorAll('.fjs-form-field')].filter(f => f.innerText.includes('" + label
                + "')).map(f => f.querySelector('textarea, input')).find(i => i)";
    }

    /** Chooses the kind, puts a small PDF in the file input as a person picking a file does, clicks 上传. */
    private static void uploadPdf(WebappPage page, String kind, String fileName) {
        page.waitFor("the upload form", "document.querySelector('#parkflow-upload-document')");
        String label = page.evaluate("(() => { const s = document.querySelector('#parkflow-document-kind'); s.value = '"
                + kind + "'; return s.options[s.selectedIndex].text.replace(/（(已上传|尚缺)）$/, ''); })()").asText();
        page.evaluate("""
                (() => {
                  const file = new File(['%%PDF-1.4\\n%%parkflow test\\n'], '%s', {type: 'application/pdf'});
                  const files = new DataTransfer();
                  files.items.add(file);
                  document.querySelector('#parkflow-document-file').files = files.files;
                  document.querySelector('#parkflow-upload-document').click();
                  return true;
                })()""".formatted(fileName));
        page.waitForText("已上传：" + label + "（" + fileName + "）");
    }

    /** Types into the form field with this label, as a person does (input event for the form's state). */
    private static void type(WebappPage page, String label, String text) {
        String input = "[...document.querySelectorAll('.fjs-form-field')].filter(f => f.innerText.includes('" + label
                + "')).map(f => f.querySelector('textarea, input')).find(i => i)";
        String holds = input + ".value === '" + text + "'";
        page.type(input, text);
        // on a loaded machine the field may lose what was typed (the form debounces typing and the field
        // was left at once): as a person would, select what the field holds and type it again
        for (int attempt = 1; attempt < 3 && !holdsWithin(page, holds, Duration.ofSeconds(10)); attempt++) {
            page.evaluate(input + ".select()");
            page.type(input, text);
        }
        page.waitFor("the field " + label + " to hold what was typed", holds);
    }

    /** Whether the condition holds in the page within the time, looking every 200 ms (the browser's own timer). */
    private static boolean holdsWithin(WebappPage page, String condition, Duration time) {
        Instant deadline = Instant.now().plus(time);
        while (!page.evaluate("!!(" + condition + ")").asBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                return false;
            }
            page.evaluate("new Promise(resolve => setTimeout(() => resolve(true), 200))");
        }
        return true;
    }

    /** Ticks the checkbox of the form field with this label. */
    private static void tick(WebappPage page, String label) {
        page.waitFor("the checkbox " + label, "[...document.querySelectorAll('.fjs-form-field')].some(f => f.innerText.includes('"
                + label + "') && f.querySelector('input[type=checkbox]'))");
        page.evaluate("[...document.querySelectorAll('.fjs-form-field')].find(f => f.innerText.includes('" + label
                + "') && f.querySelector('input[type=checkbox]')).querySelector('input[type=checkbox]').click()");
    }

    private Task task(String caseNumber, String step) {
        return tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(step).singleResult();
    }

    private long caseCount(String applicant) {
        return new Http(port).get("/api/cases?size=200", applicant).body().split("\"number\"").length - 1;
    }

    /** The job executor works asynchronously (a service step between the steps); no clock to control here. */
    private static void waitUntil(String what, Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 180 s for " + what);
            }
            Thread.sleep(200);
        }
    }
}
