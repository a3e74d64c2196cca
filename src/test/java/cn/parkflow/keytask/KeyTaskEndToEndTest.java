package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * From a draft list to the year-end assessment of one task, as the real users over HTTP (our API and
 * Tasklist's /engine-rest) on PostgreSQL, with the job executor and GreenMail receiving the 督办单 at
 * the head's address and the result at the department's mailbox. Timers that would wait for months
 * are brought forward, as an operator would in Cockpit.
 */
class KeyTaskEndToEndTest extends KeyTaskApplicationTest {

    private static final int YEAR = 2033;

    @Autowired
    KeyTaskRegister register;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void shouldRunTheListFromTheDraftToTheAssessmentOfOneTaskWithTheMails() throws Exception {
        // stc uploads the year's draft and starts the list in Tasklist
        String draft = "[{\"number\":1,\"title\":\"重点发展高端装备主导产业\",\"sourceClause\":\"二、（三）5\","
                + "\"leadDepartment\":\"econ\",\"cooperatingDepartments\":[\"xinzhuang\"],\"target\":\"商业航天集聚区\","
                + "\"indicatorCode\":\"EMERGING_OUTPUT\",\"keyItem\":false},"
                + "{\"number\":2,\"title\":\"提供精准精细人才服务\",\"sourceClause\":\"二、（六）16\",\"leadDepartment\":\"hrss\","
                + "\"target\":\"人才会客厅\"},"
                + "{\"number\":3,\"title\":\"培育独角兽和隐形冠军企业\",\"sourceClause\":\"二、（三）7\",\"leadDepartment\":\"econ\","
                + "\"target\":\"梯度培育库\"}]";
        HttpResponse<String> uploaded = http().postFile("/api/key-task-lists/" + YEAR + "/draft", "stc-officer", "note", "",
                "draft.json", "application/json", draft.getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
        HttpResponse<String> started = http().postJson("/engine-rest/process-definition/key/annual-task-list/submit-form",
                "stc-officer", variables(Map.of(LIST_YEAR, YEAR)));
        assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
        String list = json(started).path("businessKey").asText();
        assertThat(list).startsWith("KTL-");

        // drafted; drc sends it back, then both approve
        completeAs("stc-officer", list, TASK_DRAFT_LIST, Map.of("draftComplete", true));
        completeAs("supervisor", list, TASK_APPROVE_SUPERVISION, Map.of("supervisionDecision", "APPROVE"));
        completeAs("drc-officer", list, TASK_APPROVE_DRC, Map.of("drcDecision", "SEND_BACK", "drcOpinion", "请补充指标基线。"));
        completeAs("stc-officer", list, TASK_DRAFT_LIST, Map.of("draftComplete", true, "draftNote", "已补充基线说明"));
        completeAs("supervisor", list, TASK_APPROVE_SUPERVISION, Map.of("supervisionDecision", "APPROVE"));
        completeAs("drc-officer", list, TASK_APPROVE_DRC, Map.of("drcDecision", "APPROVE"));

        // each task is assigned: task 1 to econ, which sees it in its list
        await("items assigned", () -> register.items(YEAR).stream().allMatch(i -> i.caseNumber() != null));
        JsonNode mine = json(http().get("/api/key-tasks?year=" + YEAR, "econ-officer"));
        assertThat(mine.findValuesAsText("number")).containsExactly("1", "3");
        String item = mine.get(0).path("caseNumber").asText();

        // econ acknowledges both at once in Tasklist (签收 is bulk-completable); the form rules still run on each
        List<String> cases = mine.findValuesAsText("caseNumber");
        List<String> acknowledgements = new ArrayList<>();
        await("econ's 签收 tasks", () -> {
            acknowledgements.clear();
            json(http().get("/api/task-bulk/queue", "econ-officer")).forEach(task -> {
                if (cases.contains(task.path("caseNumber").asText()) && task.path("bulkCompletable").asBoolean()) {
                    acknowledgements.add(task.path("taskId").asText());
                }
            });
            return acknowledgements.size() == 2;
        });
        JsonNode refused = json(http().postJson("/api/task-bulk/complete", "econ-officer", JSON.writeValueAsString(
                Map.of("taskIds", acknowledgements, "variables", Map.of("assignmentAcknowledged", true)))));
        assertThat(refused.findValuesAsText("message")).containsExactly("签收交办任务未能提交：本单位联络人：必填。",
                "签收交办任务未能提交：本单位联络人：必填。");
        JsonNode acknowledged = json(http().postJson("/api/task-bulk/complete", "econ-officer", JSON.writeValueAsString(
                Map.of("taskIds", acknowledgements, "variables", Map.of("assignmentAcknowledged", true, "liaison", "经委联络员")))));
        assertThat(acknowledged.findValuesAsText("ok")).containsExactly("true", "true");
        assertThat(cases).allSatisfy(number -> assertThat(runtimeService.getVariable(runtimeService
                .createProcessInstanceQuery().processDefinitionKey(KEY).processInstanceBusinessKey(number).singleResult()
                .getId(), "liaison")).isEqualTo("经委联络员"));
        completeAs("econ-officer", item, TASK_SUBMIT_PLAN, Map.of("planSummary", "分季度推进商业航天集聚区建设，明确节点和责任人。"));
        completeAs("stc-officer", item, TASK_REVIEW_PLAN, Map.of("planDecision", "ACCEPT"));

        // a late report turns the item yellow at its next check; supervision signs a notice, mailed to econ's head
        jdbc.sql("UPDATE key_task_item SET last_report_late = TRUE WHERE list_year = ? AND task_number = 1").param(YEAR).update();
        bringForward(item, EVENT_COLOUR_CHECK);
        completeAs("supervisor", item, TASK_ISSUE_NOTICE, Map.of("noticeRequirement", "季度报告逾期，请说明原因并整改。"));
        await("督办单 to the head", () -> !mailTo("econ-head@parkflow.example", item, "黄色督办").isEmpty());
        evidence(item, KeyTaskDocuments.NOTICE_ANSWER, "督办答复.pdf");
        completeAs("econ-officer", item, TASK_ANSWER_NOTICE, Map.of("noticeExplanation", "统计数据延迟。",
                "fixReport", "已补报并建立月度调度。"));
        completeAs("supervisor", item, TASK_REVIEW_ANSWER, Map.of("noticeResolved", "RESOLVED"));

        // mid-December: self-assessment, figures checked by stats, assessment by stc
        bringForward(item, EVENT_SELF_ASSESSMENT);
        evidence(item, KeyTaskDocuments.SELF_ASSESSMENT, "年终自评报告.pdf");
        completeAs("econ-officer", item, TASK_SELF_ASSESS, Map.of("finalPercentDone", 100, "finalIndicatorValue", 1390,
                "selfScore", 92, "selfAssessmentSummary", "全年任务完成，产值1390亿元，佐证见附件。"));
        // the fourth quarter's report after New Year, with xinzhuang's input and the evidence
        bringForward(item, EVENT_FOURTH_QUARTER_ENDED);
        completeAs("xinzhuang-officer", item, TASK_FOURTH_QUARTER_INPUT, Map.of("cooperationInput", "新庄配合完成四季度工作。"));
        evidence(item, KeyTaskDocuments.PROGRESS_EVIDENCE, "四季度佐证.pdf");
        completeAs("econ-officer", item, TASK_FOURTH_QUARTER_REPORT, Map.of("percentDone", 100,
                "progressSummary", "全年任务完成，产值1390亿元。", "problems", "暂无"));
        completeAs("stats-officer", item, TASK_CHECK_FIGURES, Map.of("figureCheck", "CORRECTED",
                "checkedIndicatorValue", 1385, "figureCheckOpinion", "按统计年报核定。"));
        completeAs("stc-officer", item, TASK_APPOINT_PANEL, Map.of(PANEL_EXPERTS, "expert1,expert2,expert3"));
        completeAs("expert1", item, TASK_SCORE_AS_EXPERT, Map.of(EXPERT_SCORE, 84, "expertOpinion", "目标完成，集聚效应初显。"));
        completeAs("expert2", item, TASK_SCORE_AS_EXPERT, Map.of(EXPERT_SCORE, 86, "expertOpinion", "完成较好。"));
        completeAs("expert3", item, TASK_SCORE_AS_EXPERT, Map.of(EXPERT_SCORE, 88, "expertOpinion", "成效明显。"));
        completeAs("stc-officer", item, TASK_ASSESS, Map.of("assessmentOpinion", "专家组评分86分，完成目标，成效良好。"));

        await("result mail", () -> !mailTo("econ@parkflow.example", item, "年度重点任务考核结果").isEmpty());
        assertThat(text(mailTo("econ@parkflow.example", item, "年度重点任务考核结果").get(0))).contains("考核等级：良好", item);
        assertThat(text(mailTo("econ-head@parkflow.example", item, "黄色督办").get(0))).contains("闵重点督〔", "7个工作日");
        JsonNode assessed = json(http().get("/api/key-tasks?year=" + YEAR, "supervisor")).get(0);
        assertThat(assessed.path("grade").asText()).isEqualTo("GOOD");
        assertThat(http().get("/api/cases/" + item, "supervisor").body()).contains("SUPERVISION_NOTICE_ISSUED", "考核等级：良好");
    }

    /** econ uploads the evidence a step requires, as a case document. */
    private void evidence(String caseNumber, String kind, String fileName) {
        HttpResponse<String> uploaded = http().postFile("/api/cases/" + caseNumber + "/documents", "econ-officer", "kind",
                kind, fileName, "application/pdf", "%PDF-1.7\n佐证".getBytes(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(201);
    }

    /** The timer of {@code activityId} in the item's case falls due now. */
    private void bringForward(String businessKey, String activityId) throws Exception {
        String instance = runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(businessKey).singleResult().getId();
        Job[] timer = new Job[1];
        await(activityId + " timer", () -> (timer[0] = managementService.createJobQuery().processInstanceId(instance)
                .activityId(activityId).singleResult()) != null);
        managementService.setJobDuedate(timer[0].getId(), new Date());
    }
}
