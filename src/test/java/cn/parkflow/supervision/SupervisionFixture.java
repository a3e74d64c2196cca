package cn.parkflow.supervision;

import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.security.CurrentUser;
import cn.parkflow.support.TestCaseDocuments;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A known data set for the board, on Friday 2026-10-09 10:00 (Shanghai), just after the National
 * Day holidays (10-01, 02, 05–07 off; Saturday 10-10 a make-up working day): cases of a test
 * process whose one step is due on a given day, in departments commerce and health.
 */
public final class SupervisionFixture {

    public static final String PROCESS = "supervision-fixture";
    static final String STEP = "核查材料";
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    public static final Instant NOW = at("2026-10-09T10:00");

    private final CaseFile caseFile;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final JdbcClient jdbc;

    public SupervisionFixture(CaseFile caseFile, RepositoryService repository, RuntimeService runtime, TaskService tasks,
                       JdbcClient jdbc) {
        this.caseFile = caseFile;
        this.runtime = runtime;
        this.tasks = tasks;
        this.jdbc = jdbc;
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("督查测试流程")
                    .camundaHistoryTimeToLive(30)
                    .startEvent("StartEvent_Submitted").name("已提交")
                    .userTask("Task_CheckMaterials").name(STEP).camundaCandidateGroups("${department}")
                    .camundaDueDate("${due}")
                    .endEvent("EndEvent_Checked").name("已核查").done();
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
        }
    }

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
    }

    /** A case of {@code department} whose step is due at 17:30 on {@code dueDay}. */
    public String caseWithStepDue(String department, String dueDay, String title) {
        String number = caseFile.open(new NewCase(TestCaseDocuments.CASE_TYPE, title, "applicant1", "闵行创新孵化器",
                department), "applicant1").number();
        runtime.startProcessInstanceByKey(PROCESS, number,
                Map.of("department", department, "due", Date.from(at(dueDay + "T17:30"))));
        return number;
    }

    public void completeStep(String number) {
        tasks.complete(tasks.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId());
    }

    /** A case with a running statutory clock of 10 working days from Wednesday 2026-09-16: due 09-30. */
    public String caseWithClock(String department, StatutoryClock clocks) {
        String number = caseFile.open(new NewCase(TestCaseDocuments.CASE_TYPE, "法定时限案件", "applicant2", "零号湾科技",
                department), "applicant2").number();
        clocks.start(number, 10, DayUnit.WORKING, at("2026-09-16T09:00"), department + "-officer");
        return number;
    }

    public void addDocument(String number, CaseDocuments documents, String department) {
        documents.add(number, "PLAN", "计划书.pdf", "application/pdf",
                "%PDF-1.4 test".getBytes(StandardCharsets.US_ASCII),
                new CurrentUser(department + "-officer", Set.of(department)));
    }

    public void mailSent(String number, String subject) {
        jdbc.sql("""
                INSERT INTO notification (dedup_key, recipient, address, template, case_number, subject, body_text,
                    body_html, status, attempts, next_attempt_at, created_at, origin_node, sent_at)
                VALUES (?, 'applicant1', 'applicant1@parkflow.example', 'test', ?, ?, '正文', '<p>正文</p>', 'SENT', 1,
                    ?, ?, 'test', ?)
                """).params("supervision-" + number, number, subject, java.sql.Timestamp.from(NOW),
                java.sql.Timestamp.from(NOW), java.sql.Timestamp.from(NOW)).update();
    }
}
