package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The approval actions over HTTP for each role (officer, colleague, other department, applicant,
 * supervisor), and the engine REST paths around them closed.
 */
class TaskActionsApiTest extends PostgresApplicationTest {

    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    /** A case of {@code approval-fixture} whose draft stc-officer did; the review waits in stc, unclaimed. */
    private ProcessInstance caseUnderReview() {
        String number = caseFile.open(new NewCase("APR", "审批操作测试", "applicant1", "闵行创新孵化器", "stc"),
                "applicant1").number();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("approval-fixture", number,
                Map.of("applicant", "applicant1"));
        Task draft = step(instance, "Task_Draft");
        taskService.claim(draft.getId(), "stc-officer");
        taskService.complete(draft.getId());
        return instance;
    }

    private Task step(ProcessInstance instance, String stepId) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(stepId).singleResult();
    }

    private HttpResponse<String> post(String path, String user, String json) {
        return http().postJson(path, user, json);
    }

    @Test
    void shouldLetTheHolderTransferWithinTheDepartmentOnly() {
        ProcessInstance instance = caseUnderReview();
        Task review = step(instance, "Task_Review");
        taskService.claim(review.getId(), "stc-officer");
        String path = "/api/tasks/" + review.getId() + "/transfer";

        HttpResponse<String> otherDepartment = post(path, "stc-officer", "{\"to\":\"amr-officer\",\"reason\":\"请协助\"}");
        HttpResponse<String> applicant = post(path, "applicant1", "{\"to\":\"stc-head\",\"reason\":\"请协助\"}");
        HttpResponse<String> supervisor = post(path, "supervisor", "{\"to\":\"stc-head\",\"reason\":\"请协助\"}");
        HttpResponse<String> notHolder = post(path, "amr-officer", "{\"to\":\"stc-head\",\"reason\":\"请协助\"}");
        HttpResponse<String> noReason = post(path, "stc-officer", "{\"to\":\"stc-head\"}");
        HttpResponse<String> colleague = post(path, "stc-officer", "{\"to\":\"stc-head\",\"reason\":\"本人出差\"}");

        assertThat(otherDepartment.statusCode()).isEqualTo(409);
        assertThat(otherDepartment.body()).contains("只能转办给本部门");
        assertThat(applicant.statusCode()).isEqualTo(403);
        assertThat(applicant.body()).contains("申请人不能对任务「转办」");
        assertThat(supervisor.statusCode()).isEqualTo(403);
        assertThat(supervisor.body()).contains("督查人员只能催办和抄送");
        assertThat(notHolder.statusCode()).isEqualTo(403);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("转办理由：必填");
        assertThat(colleague.statusCode()).isEqualTo(204);
        assertThat(step(instance, "Task_Review").getAssignee()).isEqualTo("stc-head");
        assertThat(caseFile.events(instance.getBusinessKey())).anySatisfy(event -> {
            assertThat(event.action()).isEqualTo("TASK_TRANSFERRED");
            assertThat(event.outcome()).contains("转办给 stc-head：本人出差");
        });
        // one mail for the new holder: the 转办 mail with its reason, not the plain assignment mail as well
        assertThat(jdbc.sql("SELECT template FROM notification WHERE case_number = ? AND recipient = 'stc-head'")
                .param(instance.getBusinessKey()).query(String.class).list()).containsExactly("task-action");
    }

    @Test
    void shouldCloseTheEngineRestPathsAroundTheActions() {
        ProcessInstance instance = caseUnderReview();
        Task review = step(instance, "Task_Review");
        taskService.claim(review.getId(), "stc-officer");

        HttpResponse<String> assignOther = post("/engine-rest/task/" + review.getId() + "/assignee", "stc-officer",
                "{\"userId\":\"amr-officer\"}");
        HttpResponse<String> claimForOther = post("/engine-rest/task/" + review.getId() + "/claim", "stc-officer",
                "{\"userId\":\"stc-head\"}");
        HttpResponse<String> delegate = post("/engine-rest/task/" + review.getId() + "/delegate", "stc-officer",
                "{\"userId\":\"stc-head\"}");
        HttpResponse<String> resolve = post("/engine-rest/task/" + review.getId() + "/resolve", "stc-officer", "{}");
        HttpResponse<String> modify = post("/engine-rest/process-instance/" + instance.getId() + "/modification",
                "stc-officer", "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Task_Draft\"}]}");

        assertThat(assignOther.statusCode()).isEqualTo(403);
        assertThat(assignOther.body()).contains("转办");
        assertThat(claimForOther.statusCode()).isIn(403, 500).isNotEqualTo(204);
        assertThat(delegate.statusCode()).isEqualTo(403);
        assertThat(resolve.statusCode()).isEqualTo(403);
        assertThat(modify.statusCode()).isEqualTo(403);
        assertThat(step(instance, "Task_Review").getAssignee()).isEqualTo("stc-officer");
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isOne();
    }

    @Test
    void shouldReturnToTheEarlierStepAndShowTheReasonToItsReceiver() {
        ProcessInstance instance = caseUnderReview();
        Task review = step(instance, "Task_Review");
        taskService.claim(review.getId(), "stc-head");

        HttpResponse<String> targets = http().get("/api/tasks/" + review.getId() + "/return-targets", "stc-head");
        HttpResponse<String> applicant = post("/api/tasks/" + review.getId() + "/return", "applicant1",
                "{\"step\":\"Task_Draft\",\"reason\":\"依据不足\"}");
        HttpResponse<String> notDeclared = post("/api/tasks/" + review.getId() + "/return", "stc-head",
                "{\"step\":\"Task_Approve\",\"reason\":\"依据不足\"}");
        HttpResponse<String> returned = post("/api/tasks/" + review.getId() + "/return", "stc-head",
                "{\"step\":\"Task_Draft\",\"reason\":\"拟办意见未写明依据\"}");

        assertThat(targets.body()).contains("\"Task_Draft\":\"拟办意见\"");
        assertThat(applicant.statusCode()).isEqualTo(403);
        assertThat(notDeclared.statusCode()).isEqualTo(409);
        assertThat(notDeclared.body()).contains("流程未声明它为本环节之前可退回的环节");
        assertThat(returned.statusCode()).isEqualTo(204);
        Task draft = step(instance, "Task_Draft");
        assertThat(draft.getAssignee()).isEqualTo("stc-officer");
        HttpResponse<String> notes = http().get("/api/tasks/" + draft.getId() + "/notes", "stc-officer");
        assertThat(notes.statusCode()).isEqualTo(200);
        assertThat(notes.body()).contains("退回：拟办意见未写明依据");
        assertThat(http().get("/api/tasks/" + draft.getId() + "/notes", "amr-officer").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldListCompletedTasksAndWithdrawTheLastOneWhileTheNextIsUntouched() {
        ProcessInstance instance = caseUnderReview();

        HttpResponse<String> done = http().get("/api/tasks/completed?size=5", "stc-officer");
        String draftId = done.body().replaceAll("(?s).*?\"taskId\":\"([^\"]+)\",\"caseNumber\":\""
                + instance.getBusinessKey() + "\".*", "$1");
        HttpResponse<String> someoneElse = post("/api/tasks/completed/" + draftId + "/withdraw", "stc-head", "{}");
        HttpResponse<String> withdrawn = post("/api/tasks/completed/" + draftId + "/withdraw", "stc-officer", "{}");
        HttpResponse<String> again = post("/api/tasks/completed/" + draftId + "/withdraw", "stc-officer", "{}");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"caseNumber\":\"" + instance.getBusinessKey() + "\"", "\"step\":\"拟办意见\"");
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(withdrawn.statusCode()).isEqualTo(204);
        assertThat(step(instance, "Task_Draft").getAssignee()).isEqualTo("stc-officer");
        assertThat(step(instance, "Task_Review")).isNull();
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(caseFile.events(instance.getBusinessKey())).extracting(event -> event.action())
                .containsSubsequence("TASK_COMPLETED", "TASK_WITHDRAWN");
    }

    @Test
    void shouldCopyTheCaseReadOnlyToAnotherDepartmentsOfficerAndListIt() {
        String number = caseUnderReview().getBusinessKey();

        int before = http().get("/api/cases/" + number, "amr-officer").statusCode();
        HttpResponse<String> byApplicant = post("/api/cases/" + number + "/copies", "applicant1", "{\"to\":\"amr-officer\"}");
        HttpResponse<String> toApplicant = post("/api/cases/" + number + "/copies", "stc-officer", "{\"to\":\"applicant2\"}");
        HttpResponse<String> copied = post("/api/cases/" + number + "/copies", "stc-officer",
                "{\"to\":\"amr-officer\",\"note\":\"涉及商标事项，请知悉\"}");

        assertThat(before).isEqualTo(403);
        assertThat(byApplicant.statusCode()).isEqualTo(403);
        assertThat(toApplicant.statusCode()).isEqualTo(409);
        assertThat(copied.statusCode()).isEqualTo(204);
        assertThat(http().get("/api/cases/" + number, "amr-officer").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/cases/copied-to-me", "amr-officer").body()).contains(number);
        assertThat(http().get("/api/cases/copied-to-me", "stc-head").body()).doesNotContain(number);
        assertThat(caseFile.events(number)).anySatisfy(event -> assertThat(event.outcome()).isEqualTo("抄送 amr-officer：涉及商标事项，请知悉"));
    }

    @Test
    void shouldLetSupervisorsUrgeOncePerWorkingDayButNotOfficers() {
        String number = caseUnderReview().getBusinessKey();

        HttpResponse<String> officer = post("/api/cases/" + number + "/urge", "stc-officer", "{}");
        HttpResponse<String> supervisor = post("/api/cases/" + number + "/urge", "supervisor", "{\"message\":\"请本周内办结\"}");
        HttpResponse<String> again = post("/api/cases/" + number + "/urge", "applicant1", "{}");

        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(supervisor.statusCode()).isEqualTo(204);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("本工作日已催办过");
    }
}
