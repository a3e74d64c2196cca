package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The 督办单 and the assessment result as the models issue them in the application: a numbered PDF
 * stored with the case, filled from the case's own variables, and attached to the mail.
 */
class KeyTaskDocumentsTest extends KeyTaskApplicationTest {

    private static final int YEAR = 2036;

    @Autowired
    KeyTaskRegister register;
    @Autowired
    ListUpload lists;
    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;

    /** The seed's task {@code number} of {@code YEAR}, approved and assigned to a fresh case. */
    private String itemCase(int number) {
        if (register.items(YEAR).isEmpty()) {
            register.saveDraft(YEAR, lists.seed(YEAR));
            register.approve(YEAR, Instant.now());
        }
        KeyTaskEntry entry = register.item(YEAR, number).entry();
        String caseNumber = caseFile.open(new NewCase(CASE_TYPE, YEAR + "年度重点任务" + number + "：" + entry.title(), null, null,
                entry.leadDepartment()), CaseFile.SYSTEM).number();
        register.attachCase(YEAR, number, caseNumber);
        return caseNumber;
    }

    @Test
    void shouldIssueTheNumberedSupervisionOrderAndAttachItToTheHeadsMail() throws Exception {
        // given task 6 (econ) turned yellow, and its notice started as the colour check starts it
        String item = itemCase(6);
        register.setColour(YEAR, 6, Colour.YELLOW, null);
        runtimeService.createProcessInstanceByKey(SUPERVISION_KEY).businessKey(item)
                .setVariable(YEAR_VARIABLE, YEAR).setVariable(TASK_NUMBER, 6).setVariable(CASE_NUMBER, item)
                .setVariable("taskTitle", register.item(YEAR, 6).entry().title()).setVariable(LEAD_DEPARTMENT, "econ")
                .setVariable(NOTICE_LEVEL, Colour.YELLOW.name()).execute();

        // when supervision signs it in Tasklist
        completeAs("supervisor", item, TASK_ISSUE_NOTICE, Map.of("noticeRequirement", "季度报告逾期，请说明原因并整改。"));

        // then the head's mail carries the PDF, numbered as the register numbered the notice
        await("督办单 with its PDF", () -> mailTo("econ-head@parkflow.example", item).stream().anyMatch(m -> pdf(m) != null));
        MimeMessage mail = mailTo("econ-head@parkflow.example", item).get(0);
        String number = (String) runtimeService.createVariableInstanceQuery().variableName("noticeNumber")
                .list().stream().filter(v -> runtimeService.createProcessInstanceQuery().processInstanceId(v.getProcessInstanceId())
                        .processInstanceBusinessKey(item).count() > 0).findFirst().orElseThrow().getValue();
        assertThat(number).matches("闵重点督〔\\d{4}〕\\d+号");
        String attached = text(pdf(mail));
        assertThat(attached).contains("督办单", number, "区经委负责人：", "打造数字经济特色产业", item,
                YEAR + "年度重点工作清单第6项", "黄色督办", "当前状态黄色", "7个工作日内书面说明原因并完成整改",
                "季度报告逾期，请说明原因并整改。", "闵行区重点区域开发领导小组办公室").doesNotContain("{{");
        assertThat(text(mail)).contains("督办单（" + number + "，PDF 见附件）");

        // and the case lists it as an issued document under that number
        JsonNode documents = json(http().get("/api/cases/" + item, "supervisor")).path("documents");
        assertThat(documents).anySatisfy(d -> assertThat(d.path("documentNumber").asText()).isEqualTo(number));
    }

    @Test
    void shouldIssueTheNumberedAssessmentResultAndAttachItToTheDepartmentsMail() throws Exception {
        // given task 5 (econ) assessed by the panel as 良好, its figures corrected by stats
        String item = itemCase(5);
        Map<String, Object> assessed = new HashMap<>(Map.of(YEAR_VARIABLE, YEAR, TASK_NUMBER, 5, CASE_NUMBER, item,
                LEAD_DEPARTMENT, "econ", "taskTitle", register.item(YEAR, 5).entry().title(), "taskTarget", "集聚区初具规模",
                "finalPercentDone", 100, "selfScore", 91, "figureCheck", "CORRECTED", "checkedIndicatorValue", 1385.0));
        assessed.putAll(Map.of("finalIndicatorValue", 1390, "assessmentScore", 86.0, "assessmentOpinion", "完成目标，成效良好。",
                "grade", "GOOD"));

        // when the grade is recorded
        runtimeService.createProcessInstanceByKey(KEY).businessKey(item).startBeforeActivity("Task_RecordGrade")
                .setVariables(assessed).execute();

        // then
        await("result with its PDF", () -> mailTo("econ@parkflow.example", item).stream().anyMatch(m -> pdf(m) != null));
        String attached = text(pdf(mailTo("econ@parkflow.example", item).get(0)));
        assertThat(attached).containsPattern("闵重点考〔\\d{4}〕\\d+号");
        assertThat(attached).contains("关于" + YEAR + "年度重点任务考核评估结果的通知", "区经委：", item,
                "1385", "86", "考核等级良好", "具备年度评优资格", "完成目标，成效良好。", "上海市闵行区科学技术委员会")
                .doesNotContain("{{", "结转下一年度");
    }

    @Test
    void shouldRefuseTheSelfAssessmentWithoutItsReportAndTakeItOnceUploaded() throws Exception {
        // given task 7 (econ) at its year-end self-assessment
        String item = itemCase(7);
        runtimeService.createProcessInstanceByKey(KEY).businessKey(item).startBeforeActivity(TASK_SELF_ASSESS)
                .setVariables(Map.of(YEAR_VARIABLE, YEAR, TASK_NUMBER, 7, CASE_NUMBER, item, LEAD_DEPARTMENT, "econ")).execute();
        Map<String, Object> answer = Map.of("finalPercentDone", 90, "selfScore", 85, "selfAssessmentSummary", "全年基本完成，佐证见自评报告。");

        // when econ submits without its self-assessment report, then with it
        HttpResponse<String> refused = submit("econ-officer", item, TASK_SELF_ASSESS, answer);
        HttpResponse<String> uploaded = upload(item, "econ-officer", KeyTaskDocuments.SELF_ASSESSMENT, "年终自评报告.pdf");
        HttpResponse<String> accepted = submit("econ-officer", item, TASK_SELF_ASSESS, answer);

        // then
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("年终自评未能提交：尚缺材料：年终自评报告").doesNotContain("ENGINE-", "Exception");
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }

    @Test
    void shouldRefuseTheQuarterlyReportWithoutItsEvidence() throws Exception {
        // given task 8 (health) at its Q3 report
        String item = itemCase(8);
        Map<String, Object> variables = new HashMap<>(Map.of(YEAR_VARIABLE, YEAR, TASK_NUMBER, 8, CASE_NUMBER, item,
                LEAD_DEPARTMENT, "health", COOPERATING_DEPARTMENTS, "", "quarterlyPeriod", YEAR + "-Q3",
                "selfAssessmentAt", java.util.Date.from(Instant.now().plusSeconds(86_400 * 300))));
        variables.put("quarterlyDue", java.util.Date.from(Instant.now().plusSeconds(86_400 * 10)));
        runtimeService.createProcessInstanceByKey(KEY).businessKey(item).startBeforeActivity(TASK_QUARTERLY_REPORT)
                .setVariables(variables).execute();
        Map<String, Object> report = Map.of("percentDone", 60, "progressSummary", "按计划推进，附佐证材料。", "problems", "暂无");

        // when
        HttpResponse<String> refused = submit("health-officer", item, TASK_QUARTERLY_REPORT, report);
        upload(item, "health-officer", KeyTaskDocuments.PROGRESS_EVIDENCE, "三季度佐证.pdf");
        HttpResponse<String> accepted = submit("health-officer", item, TASK_QUARTERLY_REPORT, report);

        // then
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("汇总报送季度报告未能提交：尚缺材料：进展佐证材料");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
    }

    private HttpResponse<String> upload(String caseNumber, String user, String kind, String fileName) {
        return http().postFile("/api/cases/" + caseNumber + "/documents", user, "kind", kind, fileName, "application/pdf",
                "%PDF-1.7\n佐证".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** As Tasklist does: the user's task of this kind claimed (if nobody holds it) and submitted; the answer as given. */
    private HttpResponse<String> submit(String user, String businessKey, String taskKey, Map<String, Object> values)
            throws Exception {
        String[] id = new String[1];
        await(taskKey, () -> {
            JsonNode tasks = json(http().get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + taskKey, user));
            id[0] = tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
            return id[0] != null;
        });
        JsonNode task = json(http().get("/engine-rest/task/" + id[0], user));
        if (task.path("assignee").isNull() || task.path("assignee").asText().isEmpty()) {
            assertThat(http().postJson("/engine-rest/task/" + id[0] + "/claim", user, "{\"userId\":\"" + user + "\"}")
                    .statusCode()).isEqualTo(204);
        }
        return http().postJson("/engine-rest/task/" + id[0] + "/submit-form", user, variables(values));
    }

    private static final String YEAR_VARIABLE = KeyTaskProcess.YEAR;

    /** The PDF attached to {@code mail}, or null. */
    private static byte[] pdf(Part part) {
        try {
            if (part.getContent() instanceof Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    byte[] found = pdf(multipart.getBodyPart(i));
                    if (found != null) {
                        return found;
                    }
                }
                return null;
            }
            if (part.isMimeType("application/pdf")) {
                try (InputStream in = part.getInputStream()) {
                    return in.readAllBytes();
                }
            }
            return null;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", "");
        }
    }
}
