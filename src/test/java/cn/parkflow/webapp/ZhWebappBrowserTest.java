package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * The webapps as a browser with zh-CN shows them: an officer's Tasklist, a supervisor's Cockpit,
 * an administrator's Admin and Welcome; and English for browsers that do not ask for Chinese.
 * One class, as it was written when every test class started its own application.
 */
class ZhWebappBrowserTest extends ZhBrowserTestSupport {

    private final Map<String, String> tasklist = WebappLocales.labels(WebappLocales.chinese("tasklist"));
    private final Map<String, String> cockpit = WebappLocales.labels(WebappLocales.chinese("cockpit"));

    @Test
    void shouldShowOfficerChineseTasklistAndChineseFormValidation() throws Exception {
        String taskId = startFixture("ZH-TASKLIST-1");
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "stc-officer");
            assertThat(page.language()).startsWith("zh");

            // an officer lands on 本部门待办 (the first filter): no click, the list re-renders while it loads
            page.waitFor("本部门待办 chosen", "document.querySelector('.task-filter.active h4.name')"
                    + " && document.querySelector('.task-filter.active h4.name').innerText.includes('本部门待办')");
            page.waitForText("审核测试申请");
            page.waitFor("新建任务 gone: officers may not create tasks",
                    "document.querySelector('.start-process-action') && !document.querySelector('.create-task-action')");
            String list = page.bodyText();
            assertThat(list).as("新建任务 only for whoever may create tasks").doesNotContain(tasklist.get("CREATE_TASK"));
            assertThat(list).contains(PRODUCT, tasklist.get("START_PROCESS"),
                    tasklist.get("CREATION"), "我的任务", "本部门待办", "全部任务");
            assertThat(list).as("the card's case number and deadline, worked out when the list is read")
                    .contains("案件编号", "ZH-TASKLIST-1").containsPattern("期限[\\s:：]*(未设定|\\d{4}年)");
            assertThat(list).as("relative times from the zh moment locale").containsPattern("(几秒|分钟)前")
                    .doesNotContain(" ago", "Start process", "Create task", "Log out");
            assertThat(page.evaluate("getComputedStyle(document.querySelector('.ce-eol-banner')).display").asText())
                    .as("the Community Edition end-of-life banner").isEqualTo("none");
            assertChinese(page.screenshot("01-tasklist-department-queue"));

            page.click("h4 a", "审核测试申请");
            page.click("button", tasklist.get("CLAIM_TASK"));
            // before the claim Tasklist shows the form read-only (.disabled-form)
            page.waitFor("the claimed task's form", "document.querySelector('.fjs-container input')"
                    + " && !document.querySelector('.disabled-form')");
            page.click("button", tasklist.get("COMPLETE"));
            page.waitForText("此项为必填项。");
            assertThat(page.bodyText()).contains("审核意见").doesNotContain("Field is required");
            assertChinese(page.screenshot("02-tasklist-form-required"));

            page.click("a", tasklist.get("START_PROCESS"));
            page.waitFor("the list of startable processes", "document.querySelector("
                    + "'.modal-content .available-processes, .modal-content .well')"
                    + " && getComputedStyle(document.querySelector('.modal')).opacity === '1'");
            assertChinese(page.screenshot("03-tasklist-start-process"));
        });
        assertThat(tasks.createTaskQuery().taskId(taskId).count()).as("the invalid form completed nothing").isEqualTo(1);
    }

    /** A rule only the server knows (required documents) refuses the completion with one Chinese sentence in Tasklist. */
    @Test
    void shouldShowAnOfficerTheServersRefusalInChinese() throws Exception {
        String formalCheck = demoFormalCheck().getId();
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "stc-officer");
            page.open("tasklist/default/#/?task=" + formalCheck);
            page.click("button", tasklist.get("CLAIM_TASK"));
            page.waitFor("the claimed task's form", "document.querySelector('.fjs-container input[type=radio]')"
                    + " && !document.querySelector('.disabled-form')");
            page.click(".fjs-container label", "材料齐全，予以受理");
            page.click("button", tasklist.get("COMPLETE"));
            page.waitForText("尚缺材料");
            assertThat(page.bodyText()).contains("形式审查未能提交：尚缺材料：").doesNotContain("ENGINE-", "Cannot submit");
            page.screenshot("17-tasklist-server-refusal");
        });
        assertThat(tasks.createTaskQuery().taskId(formalCheck).count()).as("the refused task stays open").isEqualTo(1);
    }

    /**
     * Beside the task, the 法定时限 tab shows the case's statutory clock, and an officer of the case's
     * department asks there for more time: the request becomes supervision's approval task.
     */
    @Test
    void shouldLetAnOfficerSeeTheCasesClockAndAskForMoreTime() throws Exception {
        Task formalCheck = demoFormalCheck();
        String caseNumber = caseNumberOf(formalCheck);
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "stc-officer");
            page.open("tasklist/default/#/?task=" + formalCheck.getId() + "&detailsTab=parkflow.statutoryClock");
            page.waitForText("当前届满");
            assertThat(page.bodyText()).contains(caseNumber, "30 个工作日", "计时中", "申请延长法定时限");
            page.evaluate("""
                    (() => { const reason = document.querySelector('#parkflow-extension-reason');
                      reason.value = '需补充核查场地产权证明'; reason.dispatchEvent(new Event('input', {bubbles: true})); })()""");
            page.click("button", "申请延长法定时限");
            page.waitForText("已提交延长申请，等待审批");
            assertChinese(page.screenshot("18-tasklist-statutory-clock"));
        });
        assertThat(tasks.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("Task_ApproveExtension")
                .taskCandidateGroup("supervision").list()).as("supervision's approval task").singleElement()
                .satisfies(approval -> assertThat(tasks.getVariable(approval.getId(), "extensionRequestReason"))
                        .isEqualTo("需补充核查场地产权证明"));
    }

    /**
     * An incubator step's form opens with its read-only context, which nothing stores with the task:
     * the case number and 本环节办理期限, the due date in words (worked out when the form reads it).
     */
    @Test
    void shouldShowAnOfficerTheCaseNumberAndDeadlineOnTheForm() throws Exception {
        Task formalCheck = demoFormalCheck();
        String caseNumber = caseNumberOf(formalCheck);
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "stc-officer");
            page.open("tasklist/default/#/?task=" + formalCheck.getId());
            String deadlineField = "document.querySelector('.fjs-container input[id$=\"Field_taskDeadline\"]')";
            page.waitFor("the form's deadline filled in", deadlineField + " && " + deadlineField + ".value !== ''");
            String fields = page.evaluate("Array.from(document.querySelectorAll('.fjs-container input'))"
                    + ".map(field => field.value).join('|')").asText();
            assertThat(page.bodyText()).contains("案件编号", "本环节办理期限");
            assertThat(fields).contains(caseNumber);
            assertThat(page.evaluate(deadlineField + ".value").asText()).matches("\\d{4}年\\d{1,2}月\\d{1,2}日 \\d{2}:\\d{2}");
            assertChinese(page.screenshot("19-tasklist-form-context"));
        });
    }

    /**
     * The demo case's 形式审查 (without its documents), made when the application started: the oldest one.
     * The other browser classes of this JVM have cases of their own at that step.
     */
    private Task demoFormalCheck() {
        return tasks.createTaskQuery().taskDefinitionKey("Task_CheckApplicationFormally").orderByTaskCreateTime().asc()
                .list().get(0);
    }

    /** The case number of the task's case: its instance's business key. */
    private String caseNumberOf(Task task) {
        return runtime.createProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult()
                .getBusinessKey();
    }

    /** The applicant's Tasklist reaches only its allow-listed engine operations; the start form must still open. */
    @Test
    void shouldLetAnApplicantOpenTheCertificationStartForm() throws Exception {
        inBrowser("zh-CN", page -> {
            page.login("tasklist", "applicant1");
            page.click("a", tasklist.get("START_PROCESS"));
            page.click(".modal-content a", "高质量孵化器认定");
            page.waitForText("统一社会信用代码");
            page.waitFor("the start form's fields", "document.querySelectorAll('.fjs-container input').length > 5");
            assertThat(page.bodyText()).contains("孵化器名称", "运营机构名称");
            page.screenshot("16-tasklist-applicant-start-form");
        });
    }

    @Test
    void shouldShowSupervisorChineseCockpit() throws Exception {
        startFixture("ZH-COCKPIT-1");
        var instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("ZH-COCKPIT-1").singleResult();
        inBrowser("zh-CN", page -> {
            page.login("cockpit", "supervisor");
            page.waitForText(cockpit.get("DASHBOARD_RUNNING_PROCESS_INSTANCE"));
            page.waitFor("the count of deployed process definitions", "[...document.querySelectorAll("
                    + "'.stats-section.processes .value')].some(el => el.innerText.trim() !== '0')");
            assertThat(page.bodyText()).contains(PRODUCT, cockpit.get("COCKPIT_PROCESSES"),
                    cockpit.get("COCKPIT_DECISIONS"), cockpit.get("COCKPIT_HUMAN_TASKS"),
                    cockpit.get("DASHBOARD_OPEN_INCIDENTS"), cockpit.get("DASHBOARD_OPEN_HUMAN_TASKS"))
                    .doesNotContain("Running Process Instances", "Open Incidents");
            assertChinese(page.screenshot("04-cockpit-dashboard"));

            page.open("cockpit/default/#/processes");
            page.waitForText("中文界面测试流程");
            assertChinese(page.screenshot("05-cockpit-processes"));

            page.open("cockpit/default/#/process-definition/" + instance.getProcessDefinitionId() + "/runtime");
            page.waitForText("ZH-COCKPIT-1");
            assertThat(page.bodyText()).as("start time as YYYY-MM-DD HH:mm")
                    .containsPattern("\\b20\\d\\d-\\d\\d-\\d\\d \\d\\d:\\d\\d\\b");
            assertChinese(page.screenshot("06-cockpit-process-definition"));

            page.open("cockpit/default/#/process-instance/" + instance.getId() + "/runtime");
            page.waitForText("闵行创新孵化器");
            assertThat(page.bodyText()).as("variable type names in Chinese").contains("字符串");
            assertChinese(page.screenshot("07-cockpit-process-instance"));

            page.open("cockpit/default/#/tasks");
            page.waitForText(cockpit.get("PLUGIN_TASK_ASSIGNMENT_BY_TYPE"));
            page.waitForText("区科委（园区管理办公室）"); // the candidate group of the fixture's tasks
            assertChinese(page.screenshot("08-cockpit-human-tasks"));

            // the application's deployment, which holds the fixture, as Cockpit links to a deployment: the other
            // browser classes of this JVM may have deployed models since, and Cockpit selects the newest one
            String deployment = repository.createProcessDefinitionQuery().processDefinitionKey(FIXTURE).latestVersion()
                    .singleResult().getDeploymentId();
            page.open("cockpit/default/#/repository?deployment=" + deployment + "&deploymentsQuery=" + URLEncoder.encode(
                    "[{\"type\":\"id\",\"operator\":\"eq\",\"value\":\"" + deployment + "\"}]", StandardCharsets.UTF_8));
            page.waitForText("zh-fixture.bpmn");
            assertChinese(page.screenshot("09-cockpit-deployments"));
        });
    }

    @Test
    void shouldShowAdminChineseAdminAndWelcome() throws Exception {
        Map<String, String> admin = WebappLocales.labels(WebappLocales.chinese("admin"));
        Map<String, String> welcome = WebappLocales.labels(WebappLocales.chinese("welcome"));
        inBrowser("zh-CN", page -> {
            page.login("admin", "admin");
            page.open("admin/default/#/users");
            page.waitForText(admin.get("USERS_LIST_OF_USERS"));
            page.waitForText("amr-officer"); // the first page of users, in id order
            assertThat(page.bodyText()).contains(PRODUCT, admin.get("USERS_ADD_USER"));
            assertChinese(page.screenshot("10-admin-users"));

            page.open("admin/default/#/groups");
            page.waitForText("区科委（园区管理办公室）");
            assertChinese(page.screenshot("11-admin-groups"));

            page.open("admin/default/#/authorization?resource=0");
            page.waitForText(admin.get("AUTHORIZATION_CREATE_NEW_AUTHORIZATION"));
            assertChinese(page.screenshot("12-admin-authorizations"));

            page.open("admin/default/#/system?section=system-settings-general");
            page.waitForText(admin.get("SYSTEM_PROCESS_RUNNING"));
            assertChinese(page.screenshot("13-admin-system"));

            page.open("welcome/default/#!/welcome");
            page.waitForText(welcome.get("APPLICATIONS"));
            assertThat(page.bodyText()).contains(PRODUCT, welcome.get("COCKPIT"), welcome.get("TASKLIST"));
            assertChinese(page.screenshot("14-welcome"));
        });
    }

    @Test
    void shouldKeepEnglishForBrowsersThatDoNotAskForChinese() throws Exception {
        Map<String, String> english = WebappLocales.labels(WebappLocales.webjarEnglish("tasklist"));
        inBrowser("en-US", page -> {
            page.login("tasklist", "stc-officer");
            page.waitForText(english.get("START_PROCESS"));
            page.waitForText(english.get("SELECT_TASK_IN_LIST"));
            assertThat(page.bodyText()).contains(PRODUCT, english.get("START_PROCESS")).doesNotContain("发起流程");
            page.screenshot("15-tasklist-english-browser");
        });
    }
}
