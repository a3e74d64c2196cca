package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Walks the role matrix of the foundation issue as each kind of user, over HTTP. */
class AuthorizationMatrixTest extends PostgresApplicationTest {

    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;

    String stcCase;
    String amrCase;
    String stcTask;
    String amrTask;
    String applicantTask;

    @BeforeEach
    void twoCasesInTwoDepartments() {
        stcCase = caseFile.open(new NewCase("MTX", "孵化器申请", "applicant1", "闵行创新孵化器", "stc"), "applicant1").number();
        amrCase = caseFile.open(new NewCase("MTX", "商标纠纷", "applicant2", "零号湾科技", "amr"), "applicant2").number();
        stcTask = startFixture(stcCase, "incubator");
        amrTask = startFixture(amrCase, "trademark");
        Task own = taskService.newTask();
        own.setName("补正材料");
        own.setAssignee("applicant1");
        taskService.saveTask(own);
        applicantTask = own.getId();
    }

    /** The classes after this one in the JVM share the database: applicant1 keeps no made-up task. */
    @AfterEach
    void removeTheApplicantsTask() {
        taskService.deleteTask(applicantTask, true);
    }

    @Test
    void shouldShowOfficersOnlyTheirDepartmentsTasksAndCases() {
        assertThat(taskIds("stc-officer")).contains(stcTask).doesNotContain(amrTask, applicantTask);
        assertThat(taskIds("amr-officer")).contains(amrTask).doesNotContain(stcTask, applicantTask);

        assertThat(http().get("/api/cases/" + stcCase, "stc-officer").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/cases/" + amrCase, "stc-officer").statusCode()).isEqualTo(403);
        assertThat(http().get("/api/cases?type=MTX", "stc-officer").body()).contains(stcCase).doesNotContain(amrCase);
        assertThat(http().get("/api/cases?department=amr", "stc-officer").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldListInTheDepartmentQueueOnlyTheOfficersOwnDepartmentsTasks() {
        assertThat(departmentQueue("stc-officer")).contains(stcTask).doesNotContain(amrTask, applicantTask);
        assertThat(departmentQueue("amr-officer")).contains(amrTask).doesNotContain(stcTask, applicantTask);
    }

    @Test
    void shouldLetOfficersWorkTheirOwnTasksOnly() {
        assertThat(complete("amr-officer", stcTask).statusCode()).isEqualTo(403);
        assertThat(complete("stc-officer", stcTask).statusCode()).isEqualTo(204);
    }

    @Test
    void shouldLetSupervisorsReadEverythingButChangeNothing() {
        assertThat(taskIds("supervisor")).contains(stcTask, amrTask);
        assertThat(http().get("/engine-rest/process-instance?businessKey=" + amrCase, "supervisor").body())
                .contains(amrCase);
        assertThat(http().get("/engine-rest/history/process-instance?processInstanceBusinessKey=" + stcCase,
                "supervisor").body()).contains(stcCase);
        assertThat(http().get("/api/cases?type=MTX", "supervisor").body()).contains(stcCase, amrCase);

        assertThat(complete("supervisor", amrTask).statusCode()).isEqualTo(403);
        assertThat(http().send(http().request("/engine-rest/process-instance/" + processOf(amrCase), "supervisor")
                .DELETE()).statusCode()).isEqualTo(403);
        assertThat(http().send(http().request("/engine-rest/process-instance/" + processOf(amrCase)
                        + "/variables/topic", "supervisor")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"value\":\"incubator\",\"type\":\"String\"}")))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void shouldShowApplicantsOnlyTheirOwnTasksAndCases() {
        assertThat(taskIds("applicant1")).contains(applicantTask).doesNotContain(stcTask, amrTask);
        assertThat(http().get("/engine-rest/process-instance?businessKey=" + stcCase, "applicant1").statusCode())
                .as("instance queries are not an applicant's operation").isEqualTo(403);

        assertThat(http().get("/api/cases/" + stcCase, "applicant1").statusCode()).isEqualTo(200);
        HttpResponse<String> foreign = http().get("/api/cases/" + amrCase, "applicant1");
        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(foreign.body()).doesNotContain("商标纠纷");
        assertThat(http().get("/api/cases?type=MTX", "applicant1").body()).contains(stcCase).doesNotContain(amrCase);
        assertThat(http().get("/api/cases/NOPE-2026-0001", "applicant1").statusCode()).isEqualTo(404);
    }

    @Test
    void shouldLetApplicantsStartApplicantProcessesOnly() {
        String start = "{\"variables\":{\"topic\":{\"value\":\"incubator\",\"type\":\"String\"}}}";
        String path = "/engine-rest/process-definition/key/foundation-fixture/start";

        assertThat(http().postJson(path, "applicant1", start).statusCode()).isEqualTo(200);
        assertThat(http().postJson(path, "amr-officer", start).statusCode()).isEqualTo(403);
    }

    @Test
    void shouldOpenEachWebappOnlyToItsRoles() {
        assertThat(webappLogin("tasklist", "stc-officer")).isEqualTo(200);
        assertThat(webappLogin("tasklist", "applicant1")).isEqualTo(200);
        assertThat(webappLogin("cockpit", "supervisor")).isEqualTo(200);
        assertThat(webappLogin("cockpit", "stc-officer")).isEqualTo(403);
        assertThat(webappLogin("cockpit", "applicant1")).isEqualTo(403);
        assertThat(webappLogin("admin", "supervisor")).isEqualTo(403);
        assertThat(webappLogin("admin", "admin")).isEqualTo(200);
    }

    private String startFixture(String businessKey, String topic) {
        String instance = runtimeService.startProcessInstanceByKey("foundation-fixture", businessKey,
                Map.of("topic", topic)).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private String processOf(String businessKey) {
        return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(businessKey).singleResult().getId();
    }

    private String taskIds(String user) {
        HttpResponse<String> response = http().get("/engine-rest/task?maxResults=1000", user);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** What Tasklist's 本部门待办 shows: the shared filter's list, as the officer's Tasklist asks for it. */
    private String departmentQueue(String user) {
        String filterId = http().taskFilterId(TasklistFilters.DEPARTMENT_QUEUE, user);
        assertThat(filterId).as(user + " sees the filter 本部门待办").isNotNull();
        HttpResponse<String> listed = http().get("/engine-rest/filter/" + filterId + "/list?maxResults=1000", user);
        assertThat(listed.statusCode()).isEqualTo(200);
        return listed.body();
    }

    private HttpResponse<String> complete(String user, String taskId) {
        return http().postJson("/engine-rest/task/" + taskId + "/complete", user,
                "{\"variables\":{\"opinion\":{\"value\":\"同意\",\"type\":\"String\"}}}");
    }

    private int webappLogin(String app, String user) {
        Http http = http();
        HttpResponse<String> page = http.send(http.request("/camunda/app/tasklist/", null).GET());
        String token = page.headers().firstValue("X-XSRF-TOKEN").orElseThrow();
        String cookies = String.join("; ", page.headers().allValues("Set-Cookie").stream()
                .map(value -> value.substring(0, value.indexOf(';'))).toList());
        return http.send(http.request("/camunda/api/admin/auth/user/default/login/" + app, null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookies)
                .header("X-XSRF-TOKEN", token)
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)))
                .statusCode();
    }
}
