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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The approval actions in a real Tasklist (headless Chromium), each by the person who takes it:
 * stc-officer's 已办 with 撤回, 转办 and 退回; then 抄送, 加签 and 委派 by stc-officer, the 加签's answer
 * by stc-head, the 委派 given back by expert1, 抄送我的 of amr-officer, 我发起的 and 催办 of applicant1
 * and the supervisor's 催办 refused on the same working day. Screenshots in target/screenshots/actions.
 */
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = BrowserApplication.H2)
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

    @Autowired
    JdbcTemplate jdbc;

    /** A case of approval-fixture, started by applicant1, whose draft {@code drafter} completed: the review waits in stc. */
    private String caseUnderReview(String drafter) {
        String number = caseFile.open(new NewCase("APR", "零号湾孵化器认定申请", "applicant1", "闵行创新孵化器", "stc"),
                "applicant1").number();
        String instance = runtime.startProcessInstanceByKey("approval-fixture", number, Map.of("applicant", "applicant1")).getId();
        // as the intake records a start by the applicant (a caller may not name the business key itself)
        jdbc.update("UPDATE ACT_HI_PROCINST SET START_USER_ID_ = 'applicant1' WHERE PROC_INST_ID_ = ?", instance);
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

        as("stc-officer", page -> {
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
            actionsTab(page, reopened.getId(), "parkflow-transfer-to");
            fill(page, "parkflow-transfer-to", "stc-head");
            fill(page, "parkflow-transfer-reason", "本人出差，请代为拟办");
            page.click("#parkflow-transfer-submit", "转办");
            page.waitForText("转办已完成。");
            page.screenshot("03-transferred");
            assertThat(tasks.createTaskQuery().taskId(reopened.getId()).singleResult().getAssignee()).isEqualTo("stc-head");

            // 退回 of the review to the draft, which goes back to stc-head who wrote it
            actionsTab(page, review.getId(), "parkflow-return-step");
            fill(page, "parkflow-return-reason", "拟办意见未写明依据");
            page.evaluate("document.getElementById('parkflow-return').scrollIntoView({block: 'center'})");
            page.screenshot("04-return-form");
            page.click("#parkflow-return-submit", "退回");
            page.waitForText("退回已完成。");
            page.screenshot("05-returned");
        });
        assertThat(open(returned, "Task_Review")).isNull();
        assertThat(open(returned, "Task_Draft").getAssignee()).isEqualTo("stc-head");
        assertThat(caseFile.events(tasks.createTaskQuery().processInstanceId(returned).singleResult() == null ? null
                : runtime.createProcessInstanceQuery().processInstanceId(returned).singleResult().getBusinessKey()))
                .anySatisfy(event -> assertThat(event.outcome()).isEqualTo("退回至「拟办意见」：拟办意见未写明依据"));
    }

    @Test
    void shouldLetEachPersonCopyConsultDelegateAnswerUrgeAndListTheirCasesInTasklist() throws Exception {
        String instance = caseUnderReview("stc-officer");
        String number = runtime.createProcessInstanceQuery().processInstanceId(instance).singleResult().getBusinessKey();
        Task review = open(instance, "Task_Review");
        tasks.claim(review.getId(), "stc-officer");
        Files.createDirectories(SCREENSHOTS);

        as("stc-officer", page -> {
            page.open("tasklist/default/#/?task=" + review.getId());
            page.waitFor("the filter 我的任务", MY_TASKS + " !== undefined");
            page.evaluate(MY_TASKS + ".querySelector('h4.name').click()");
            page.waitFor("the review in 我的任务", listed(review.getId()));
            page.evaluate("(() => { const [path, query] = location.hash.split('?'); const params = new URLSearchParams(query);"
                    + " params.set('task', '" + review.getId() + "'); location.hash = path + '?' + params; return true; })()");
            page.click(".nav-tabs a", "审批操作");
            // 抄送 to a department (amr, from the list) and to a person (the supervisor)
            page.waitFor("the copy form", "document.getElementById('parkflow-copy-kind')");
            choose(page, "parkflow-copy-department", "amr");
            fill(page, "parkflow-copy-note", "涉及商标侵权线索，请知悉");
            page.evaluate("document.getElementById('parkflow-copy').scrollIntoView({block: 'center'})");
            shot(page, "06-copy-form");
            page.click("#parkflow-copy-submit", "抄送");
            page.waitForText("抄送已完成。");
            page.waitFor("the copy form again", "document.getElementById('parkflow-copy-kind')");
            choose(page, "parkflow-copy-kind", "person");
            fill(page, "parkflow-copy-person", "supervisor");
            fill(page, "parkflow-copy-note", "请督查室掌握进度");
            page.evaluate("document.getElementById('parkflow-action-notice').remove()");
            page.click("#parkflow-copy-submit", "抄送");
            page.waitFor("the notice of the second copy", "document.getElementById('parkflow-action-notice')");
            // 加签: stc-head's opinion before the officer decides
            page.waitFor("the consult form", "document.getElementById('parkflow-consult-people')");
            fill(page, "parkflow-consult-people", "stc-head");
            fill(page, "parkflow-consult-question", "请就场地面积核算提出意见");
            page.click("#parkflow-consult-submit", "加签");
            page.waitForText("加签（征求意见）已完成。");
            page.waitFor("the tab drawn again after the 加签", "document.getElementById('parkflow-delegate')");
            page.evaluate("document.getElementById('parkflow-delegate').scrollIntoView({block: 'center'})");
            shot(page, "07-consulted");
            // 委派 to an expert: the task leaves the officer, the view closes and 我的任务 no longer lists it
            fill(page, "parkflow-delegate-to", "expert1");
            fill(page, "parkflow-delegate-reason", "请专家复核技术指标");
            page.click("#parkflow-delegate-submit", "委派");
            page.waitForText("委派已完成。");
            page.waitFor("the task view closed", "!location.hash.includes('task=')");
            page.waitFor("the review gone from 我的任务", "!(" + listed(review.getId()) + ")");
            shot(page, "08-delegated");
        });
        Task delegated = tasks.createTaskQuery().taskId(review.getId()).singleResult();
        assertThat(delegated.getAssignee()).isEqualTo("expert1");
        assertThat(delegated.getOwner()).isEqualTo("stc-officer");
        Task consultation = tasks.createTaskQuery().taskParentTaskId(review.getId()).singleResult();
        assertThat(consultation.getAssignee()).isEqualTo("stc-head");

        as("stc-head", page -> {
            actionsTab(page, consultation.getId(), "parkflow-answer-opinion");
            fill(page, "parkflow-answer-opinion", "面积核算无误，同意");
            page.click("#parkflow-answer-submit", "答复");
            page.waitForText("答复征求意见已完成。");
            page.waitFor("the consultation closed", "!location.hash.includes('task=')");
            shot(page, "09-consultation-answered");
        });
        assertThat(tasks.createTaskQuery().taskParentTaskId(review.getId()).count()).isZero();

        as("expert1", page -> {
            actionsTab(page, review.getId(), "parkflow-resolve-opinion");
            page.waitFor("no 转办 for a delegate", "!document.getElementById('parkflow-transfer')");
            fill(page, "parkflow-resolve-opinion", "技术指标复核通过");
            page.click("#parkflow-resolve-submit", "交回");
            page.waitForText("交回委派已完成。");
            page.waitFor("the task view closed", "!location.hash.includes('task=')");
            shot(page, "10-delegation-given-back");
        });
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isEqualTo("stc-officer");

        as("amr-officer", page -> {
            page.click("#parkflow-copied-link", "抄送我的");
            page.waitFor("the copied case", "document.querySelector('#parkflow-copied tr[data-case=\"" + number + "\"]')");
            page.waitForText("审核");
            assertThat(page.evaluate("!!document.querySelector('#parkflow-copied .parkflow-row-urge')").asBoolean())
                    .as("an officer may not urge").isFalse();
            shot(page, "11-copied-to-me");
        });

        as("applicant1", page -> {
            page.click("#parkflow-started-link", "我发起的");
            page.waitFor("the started case", "document.querySelector('#parkflow-started tr[data-case=\"" + number + "\"]')");
            assertThat(page.evaluate("document.querySelector('#parkflow-started tr[data-case=\"" + number + "\"]').innerText")
                    .asText()).contains("零号湾孵化器认定申请", "办理中", "审核", "查看案件");
            assertThat(page.evaluate("!!document.querySelector('#parkflow-started .parkflow-row-copy')").asBoolean())
                    .as("an applicant may not copy").isFalse();
            shot(page, "12-started-by-me");
            String row = "#parkflow-started tr[data-case=\"" + number + "\"]";
            page.click(row + " .parkflow-row-urge", "催办");
            page.waitFor("the urge form", "document.querySelector('" + row + " textarea')");
            page.evaluate("document.querySelector('" + row + " textarea').value = '已等待多日，请尽快审核'");
            page.click(row + " button[id$=-submit]", "催办");
            page.waitForText("催办已完成。");
            shot(page, "13-urged");
        });
        assertThat(tasks.createTaskQuery().taskId(review.getId()).singleResult().getPriority()).isGreaterThanOrEqualTo(100);

        as("supervisor", page -> {
            page.click("#parkflow-copied-link", "抄送我的");
            page.waitFor("the case copied to the supervisor",
                    "document.querySelector('#parkflow-copied tr[data-case=\"" + number + "\"] .parkflow-row-urge')");
            String row = "#parkflow-copied tr[data-case=\"" + number + "\"]";
            page.click(row + " .parkflow-row-urge", "催办");
            page.waitFor("the urge form", "document.querySelector('" + row + " textarea')");
            page.click(row + " button[id$=-submit]", "催办");
            page.waitForText("本工作日已催办过，每个工作日最多催办一次。");
            shot(page, "14-urge-refused-same-working-day");
        });
    }

    /** Opens the task's 审批操作 tab and waits for the field of the action to take. */
    private static void actionsTab(WebappPage page, String taskId, String field) {
        page.open("tasklist/default/#/?task=" + taskId);
        page.click(".nav-tabs a", "审批操作");
        page.waitFor("the field " + field, "document.getElementById('" + field + "')");
    }

    /** The filter 我的任务 in Tasklist's filter list. */
    private static final String MY_TASKS = "[...document.querySelectorAll('.task-filter')]"
            + ".find(f => f.querySelector('h4.name') && f.querySelector('h4.name').innerText.includes('我的任务'))";

    /** Whether Tasklist's list shows the task. */
    private static String listed(String taskId) {
        return "[...document.querySelectorAll('.tasks-list li.task a')].some(a => (a.getAttribute('href') || '').includes('"
                + taskId + "'))";
    }

    private interface Steps {
        void run(WebappPage page) throws Exception;
    }

    /** One person in their own browser, logged in to Tasklist. */
    private void as(String user, Steps steps) throws Exception {
        try (Chromium browser = Chromium.start(ChromiumAvailable.binary());
             DevTools devTools = DevTools.attach(browser.port())) {
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, SCREENSHOTS);
            page.emulateDesktop("zh-CN", "Asia/Shanghai");
            page.login("tasklist", user);
            steps.run(page);
        }
    }

    private static void shot(WebappPage page, String name) throws Exception {
        page.screenshot(name);
    }

    private static void choose(WebappPage page, String id, String value) {
        page.evaluate("(() => { const el = document.getElementById('" + id + "'); el.value = '" + value
                + "'; el.dispatchEvent(new Event('change', {bubbles: true})); return true; })()");
    }

    private static void fill(WebappPage page, String id, String value) {
        page.evaluate("(() => { const el = document.getElementById('" + id + "'); el.value = '" + value
                + "'; el.dispatchEvent(new Event('input', {bubbles: true})); return true; })()");
    }
}
