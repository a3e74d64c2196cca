package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Tasklist bulk actions (批量操作) in a real browser as stc-officer: several tasks of stc's queue
 * claimed, one assigned to a colleague, and the acknowledgements completed with one decision, the
 * form rules run on each (a decision without 联络人 is refused per task) and a step that is not
 * bulk-completable refused beside them. Screenshots in target/screenshots/bulk.
 */
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = BrowserApplication.H2)
@Tag("application")
class BulkActionsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "bulk");
    private static final String PROCESS = "bulk-browser-fixture";

    @LocalServerPort int port;
    @Autowired CaseFile caseFile;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;

    /** stc's acknowledgement of a key task (the real step's form, bulk-completable) or a review that is not. */
    private void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS).name("批量操作测试流程").camundaHistoryTimeToLive(30)
                .startEvent("StartEvent_Assigned").exclusiveGateway("Gateway_Kind")
                .condition("签收", "${acknowledge}").userTask("Task_AcknowledgeAssignment").name("签收交办任务")
                .camundaCandidateGroups("stc").camundaFormRef("key-task-acknowledgement").camundaFormRefBinding("latest")
                .endEvent("EndEvent_Acknowledged")
                .moveToNode("Gateway_Kind").condition("审核", "${!acknowledge}")
                .userTask("Task_ReviewPlan").name("审核实施方案").camundaCandidateGroups("stc")
                .endEvent("EndEvent_Reviewed").done();
        CamundaProperty bulkCompletable = model.newInstance(CamundaProperty.class);
        bulkCompletable.setCamundaName("bulk-completable");
        bulkCompletable.setCamundaValue("true");
        CamundaProperties properties = model.newInstance(CamundaProperties.class);
        properties.getCamundaProperties().add(bulkCompletable);
        UserTask acknowledge = model.getModelElementById("Task_AcknowledgeAssignment");
        acknowledge.setExtensionElements(model.newInstance(ExtensionElements.class));
        acknowledge.getExtensionElements().addChildElement(properties);
        repository.createDeployment().addModelInstance(PROCESS + ".bpmn", model).deploy();
    }

    private String task(String title, boolean acknowledge) {
        String number = caseFile.open(new NewCase("BLK", title, "applicant1", "闵行创新孵化器", "stc"), "applicant1").number();
        String instance = runtime.startProcessInstanceByKey(PROCESS, number, Map.of("acknowledge", acknowledge)).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    @Test
    void shouldClaimAssignAndCompleteSeveralTasksOfTheDepartmentQueueInTasklist() throws Exception {
        deploy();
        String first = task("重点任务一", true);
        String second = task("重点任务二", true);
        String third = task("重点任务三", true);
        String review = task("重点任务四", false);
        Files.createDirectories(SCREENSHOTS);

        try (Chromium browser = Chromium.start(ChromiumAvailable.binary());
             DevTools devTools = DevTools.attach(browser.port())) {
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, SCREENSHOTS);
            page.emulateDesktop("zh-CN", "Asia/Shanghai");
            warmUp();
            try {
                page.login("tasklist", "stc-officer");
            } catch (AssertionError slowStart) { // on a loaded machine RequireJS may give up on Tasklist's bundle once
                page.login("tasklist", "stc-officer");
            }

            // claim two acknowledgements and the review at once
            open(page);
            assertThat(page.evaluate("document.querySelector('#parkflow-bulk tbody').innerText").asText())
                    .as("the queue names each task's case").contains(caseOf(first), caseOf(review));
            page.screenshot("01-bulk-queue");
            check(page, first, second, review);
            page.click("#parkflow-bulk .parkflow-bulk-actions button", "签收");
            page.waitFor("three results", "document.querySelectorAll('#parkflow-bulk-results tbody tr').length === 3");
            assertThat(resultText(page)).contains("成功：签收成功").doesNotContain("未成功");
            page.screenshot("02-bulk-claimed");
            assertThat(tasks.createTaskQuery().taskId(first).singleResult().getAssignee()).isEqualTo("stc-officer");
            assertThat(tasks.createTaskQuery().taskId(review).singleResult().getAssignee()).isEqualTo("stc-officer");

            // assign the third to a colleague of stc
            open(page);
            check(page, third);
            page.evaluate("(() => { const s = document.getElementById('parkflow-bulk-colleague'); s.value = 'stc-head';"
                    + " s.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
            page.click("#parkflow-bulk .parkflow-bulk-actions button", "转办");
            page.waitForText("转办给 stc-head");
            page.screenshot("03-bulk-assigned");
            assertThat(tasks.createTaskQuery().taskId(third).singleResult().getAssignee()).isEqualTo("stc-head");

            // one decision for the acknowledgements and the review: without 联络人 the form rules refuse each
            open(page);
            check(page, first, second, review);
            page.waitFor("the decision's fields", "document.getElementById('parkflow-bulk-field-liaison')");
            page.evaluate("document.getElementById('parkflow-bulk-field-assignmentAcknowledged').click()");
            page.click("#parkflow-bulk .parkflow-bulk-actions button", "同一决定办理");
            page.waitFor("three results", "document.querySelectorAll('#parkflow-bulk-results tbody tr').length === 3");
            assertThat(resultText(page)).contains("未成功：签收交办任务未能提交：本单位联络人：必填。", "未成功：该环节不允许批量办理");
            page.screenshot("04-bulk-refused-by-form-rules");

            page.type("document.getElementById('parkflow-bulk-field-liaison')", "王联络");
            page.click("#parkflow-bulk .parkflow-bulk-actions button", "同一决定办理");
            page.waitForText("成功：办理成功");
            page.waitFor("three new results", "document.querySelectorAll('#parkflow-bulk-results tr.success').length === 2");
            assertThat(resultText(page)).contains("未成功：该环节不允许批量办理");
            page.screenshot("05-bulk-completed");
        }
        assertThat(tasks.createTaskQuery().taskId(first).count()).isZero();
        assertThat(tasks.createTaskQuery().taskId(second).count()).isZero();
        assertThat(tasks.createTaskQuery().taskId(review).count()).isOne();
        assertThat(caseFile.events(caseOf(third))).anySatisfy(event ->
                assertThat(event.outcome()).isEqualTo("批量转办：转办给 stc-head"));
    }

    /** The webapps' REST servlet starts on its first request; made here, so Tasklist's own first load is not the slow one. */
    private void warmUp() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : java.util.List.of("/camunda/app/tasklist/default/",
                "/camunda/api/tasklist/plugin/tasklistPlugins/static/app/plugin.js",
                "/camunda/app/parkflow/bulk-actions.js")) {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    private String caseOf(String taskId) {
        String instance = tasks.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        return runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
    }

    /** Opens the 批量操作 panel afresh (its queue is read when it opens). */
    private static void open(WebappPage page) {
        page.click("#parkflow-bulk-open", "批量操作");
        page.waitFor("the department queue", "document.querySelector('#parkflow-bulk input[type=checkbox]')");
    }

    private static void check(WebappPage page, String... taskIds) {
        for (String id : taskIds) {
            page.evaluate("document.querySelector('#parkflow-bulk tbody input[value=\"" + id + "\"]').click()");
        }
    }

    private static String resultText(WebappPage page) {
        return page.evaluate("document.getElementById('parkflow-bulk-results').innerText").asText();
    }
}
