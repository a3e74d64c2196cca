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

    private static final int YEAR = 2034;

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
