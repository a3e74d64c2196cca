package cn.parkflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.TestCaseDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Tasklist bulk actions over HTTP as a department officer: one result per task, audited per task. */
class BulkTaskApiTest extends PostgresApplicationTest {

    private static final String PROCESS = "bulk-fixture";

    @Autowired CaseFile caseFile;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired ObjectMapper json;

    @BeforeEach
    void models() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("批量测试流程").camundaHistoryTimeToLive(30)
                    .startEvent("StartEvent_Received").exclusiveGateway("Gateway_Kind")
                    .condition("可批量", "${bulk}").userTask("Task_AcknowledgeReceipt").name("确认收到材料")
                    .camundaCandidateGroups("commerce").camundaFormRef("foundation-fixture-task").camundaFormRefBinding("latest")
                    .endEvent("EndEvent_Acknowledged")
                    .moveToNode("Gateway_Kind").condition("不可批量", "${!bulk}")
                    .userTask("Task_DecideApplication").name("审核申请").camundaCandidateGroups("commerce")
                    .endEvent("EndEvent_Decided").done();
            CamundaProperty bulkCompletable = model.newInstance(CamundaProperty.class);
            bulkCompletable.setCamundaName(BulkCompletable.PROPERTY);
            bulkCompletable.setCamundaValue("true");
            CamundaProperties properties = model.newInstance(CamundaProperties.class);
            properties.getCamundaProperties().add(bulkCompletable);
            UserTask acknowledge = model.getModelElementById("Task_AcknowledgeReceipt");
            if (acknowledge.getExtensionElements() == null) {
                acknowledge.setExtensionElements(model.newInstance(ExtensionElements.class));
            }
            acknowledge.getExtensionElements().addChildElement(properties);
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
        }
    }

    private String task(boolean bulk) {
        String number = caseFile.open(new NewCase(TestCaseDocuments.CASE_TYPE, "批量案件", "applicant1", "闵行创新孵化器",
                "commerce"), "applicant1").number();
        String instance = runtime.startProcessInstanceByKey(PROCESS, number, Map.of("bulk", bulk)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Test
    void shouldClaimEachTaskAndReportTheOneThatFailed() throws Exception {
        String first = task(true);
        String second = task(true);
        String taken = task(true);
        tasks.claim(taken, "commerce-head");

        JsonNode results = post("claim", "commerce-officer", List.of(first, second, taken), null, Map.of());

        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("ok").asBoolean()).isTrue();
        assertThat(results.get(2).path("ok").asBoolean()).isFalse();
        assertThat(results.get(2).path("message").asText()).isEqualTo("该任务已由 commerce-head 签收");
        assertThat(tasks.createTaskQuery().taskId(first).singleResult().getAssignee()).isEqualTo("commerce-officer");
        assertThat(tasks.createTaskQuery().taskId(taken).singleResult().getAssignee()).isEqualTo("commerce-head");
        assertThat(get("/api/task-bulk/queue", "commerce-officer").findValuesAsText("taskId"))
                .as("claimed tasks stay in the department's queue").contains(first, second, taken);
        String number = results.get(0).path("caseNumber").asText();
        assertThat(caseFile.events(number)).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("BULK_CLAIM");
            assertThat(event.actor()).isEqualTo("commerce-officer");
            assertThat(event.outcome()).isEqualTo("批量签收：签收成功");
        });
        assertThat(caseFile.events(results.get(2).path("caseNumber").asText()))
                .anySatisfy(event -> assertThat(event.outcome()).startsWith("批量签收：未成功："));
    }

    @Test
    void shouldAssignOnlyToAColleagueOfTheDepartment() throws Exception {
        String task = task(true);

        JsonNode stranger = post("assign", "commerce-officer", List.of(task), "health-officer", Map.of());
        JsonNode colleague = post("assign", "commerce-officer", List.of(task), "commerce-head", Map.of());

        assertThat(stranger.get(0).path("message").asText()).isEqualTo("转办对象不是本部门工作人员");
        assertThat(colleague.get(0).path("ok").asBoolean()).isTrue();
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isEqualTo("commerce-head");
        assertThat(get("/api/task-bulk/colleagues", "commerce-officer").findValuesAsText("id"))
                .contains("commerce-officer", "commerce-head").doesNotContain("health-officer");
    }

    @Test
    void shouldCompleteOnlyBulkCompletableStepsAndStillRunTheFormRules() throws Exception {
        String acknowledge = task(true);
        String decide = task(false);

        JsonNode empty = post("complete", "commerce-officer", List.of(acknowledge), null, Map.of());
        assertThat(empty.get(0).path("ok").asBoolean()).isFalse();
        assertThat(empty.get(0).path("message").asText()).isEqualTo("确认收到材料未能提交：办理意见：必填。");
        assertThat(tasks.createTaskQuery().taskId(acknowledge).singleResult().getAssignee())
                .as("the refused completion rolled its claim back").isNull();

        JsonNode results = post("complete", "commerce-officer", List.of(acknowledge, decide), null,
                Map.of("opinion", "材料已收到"));

        assertThat(results.get(0).path("ok").asBoolean()).isTrue();
        assertThat(results.get(1).path("message").asText()).isEqualTo("该环节不允许批量办理");
        assertThat(tasks.createTaskQuery().taskId(acknowledge).count()).isZero();
        assertThat(tasks.createTaskQuery().taskId(decide).count()).isOne();
        JsonNode queue = get("/api/task-bulk/queue", "commerce-officer");
        assertThat(queue.findValuesAsText("taskId")).contains(decide).doesNotContain(acknowledge);
    }

    @Test
    void shouldRefuseOtherDepartmentsTasksAndApplicants() throws Exception {
        String task = task(true);

        JsonNode other = post("claim", "health-officer", List.of(task), null, Map.of());

        assertThat(other.get(0).path("message").asText()).isEqualTo("不是本部门的待办任务");
        assertThat(http().postJson("/api/task-bulk/claim", "applicant1", "{\"taskIds\":[\"" + task + "\"]}").statusCode())
                .isEqualTo(403);
        assertThat(http().get("/api/task-bulk/queue", "applicant1").statusCode()).isEqualTo(403);
        assertThat(http().get("/api/task-bulk/queue", null).statusCode()).isEqualTo(401);
        assertThat(http().postJson("/api/task-bulk/claim", "commerce-officer", "{\"taskIds\":[]}").statusCode())
                .isEqualTo(400);
        assertThat(tasks.createTaskQuery().taskId(task).singleResult().getAssignee()).isNull();
    }

    private JsonNode post(String action, String user, List<String> taskIds, String assignee, Map<String, Object> variables)
            throws Exception {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("taskIds", taskIds, "variables", variables));
        if (assignee != null) {
            body.put("assignee", assignee);
        }
        HttpResponse<String> response = http().postJson("/api/task-bulk/" + action, user, json.writeValueAsString(body));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode get(String path, String user) throws Exception {
        HttpResponse<String> response = http().get(path, user);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }
}
