package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The approval actions in a real Tasklist (headless Chromium) as stc-officer: 已办 with 撤回, then
 * 转办 and 退回 from the 审批操作 tab. Screenshots in target/screenshots/actions.
 */
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:actionstest;DB_CLOSE_ON_EXIT=FALSE")
@Tag("application")
class TaskActionsBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "actions");

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    CaseFile caseFile;

    /** A case of approval-fixture whose draft {@code drafter} completed: the review waits in stc. */
    private String caseUnderReview(String drafter) {
        String number = caseFile.open(new NewCase("APR", "零号湾孵化器认定申请", "applicant1", "闵行创新孵化器", "stc"),
                "applicant1").number();
        String instance = runtime.startProcessInstanceByKey("approval-fixture", number, Map.of("applicant", "applicant1")).getId();
        Task draft = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("Task_Draft").singleResult();
        tasks.claim(draft.getId(), drafter);
        tasks.complete(draft.getId());
        return instance;
    }

    private Task open(String instance, String step) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).singleResult();
    }

    @Test
    void shouldLetAnOfficerWithdrawTransferAndReturnInTasklist() throws Exception {
        String withdrawn = caseUnderReview("stc-officer");
        String returned = caseUnderReview("stc-head");
        Task review = open(returned, "Task_Review");
        tasks.claim(review.getId(), "stc-officer");
        Files.createDirectories(SCREENSHOTS);

        try (Chromium browser = Chromium.start(ChromiumAvailable.binary());
             DevTools devTools = DevTools.attach(browser.port())) {
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, SCREENSHOTS);
            page.emulateDesktop("zh-CN", "Asia/Shanghai");
            page.login("tasklist", "stc-officer");

            // 已办, then 撤回 of the draft whose review nobody has taken yet
            page.click("#parkflow-completed-link", "已办");
            page.waitForText("拟办意见");
            page.screenshot("01-completed-tasks");
            page.click("#parkflow-completed .parkflow-withdraw", "撤回");
            page.waitForText("已撤回，该环节已回到您的待办。");
            page.screenshot("02-withdrawn");
            page.click("#parkflow-completed button.close", "×");
            Task reopened = open(withdrawn, "Task_Draft");
            assertThat(reopened.getAssignee()).isEqualTo("stc-officer");
            assertThat(open(withdrawn, "Task_Review")).isNull();

            // 转办 of the reopened draft to a colleague of stc
            page.open("tasklist/default/#/?task=" + reopened.getId());
            page.click(".nav-tabs a", "审批操作");
            page.waitFor("the transfer form", "document.getElementById('parkflow-transfer-to')");
            fill(page, "parkflow-transfer-to", "stc-head");
            fill(page, "parkflow-transfer-reason", "本人出差，请代为拟办");
            page.click("#parkflow-transfer-submit", "转办");
            page.waitForText("转办已完成。");
            page.screenshot("03-transferred");
            assertThat(tasks.createTaskQuery().taskId(reopened.getId()).singleResult().getAssignee()).isEqualTo("stc-head");

            // 退回 of the review to the draft, which goes back to stc-head who wrote it
            page.open("tasklist/default/#/?task=" + review.getId());
            page.click(".nav-tabs a", "审批操作");
            page.waitFor("the return form", "document.getElementById('parkflow-return-step')");
            fill(page, "parkflow-return-reason", "拟办意见未写明依据");
            page.evaluate("document.getElementById('parkflow-return').scrollIntoView({block: 'center'})");
            page.screenshot("04-return-form");
            page.click("#parkflow-return-submit", "退回");
            page.waitForText("退回已完成。");
            page.screenshot("05-returned");
        }
        assertThat(open(returned, "Task_Review")).isNull();
        assertThat(open(returned, "Task_Draft").getAssignee()).isEqualTo("stc-head");
        assertThat(caseFile.events(tasks.createTaskQuery().processInstanceId(returned).singleResult() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(returned).singleResult().getBusinessKey()))
                .anySatisfy(event -> assertThat(event.outcome()).isEqualTo("退回至「拟办意见」：拟办意见未写明依据"));
    }

    private static void fill(WebappPage page, String id, String value) {
        page.evaluate("(() => { const el = document.getElementById('" + id + "'); el.value = '" + value
                + "'; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
    }
}
