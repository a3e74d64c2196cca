package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Walks every allow-listed engine operation as each role (none is refused by the guard; the
 * engine's authorizations still decide what it reaches), and a set of operations outside the
 * lists (each refused for each role).
 */
class EngineApiAllowListTest extends PostgresApplicationTest {

    private static final List<String> ROLES = List.of("stc-officer", "expert1", "applicant1", "supervisor");
    /** Operations no role but admins has; the supervisor's reads are left out for the supervisor. */
    private static final List<String> OUTSIDE = List.of(
            "DELETE /process-instance/{instance}", "POST /process-instance/{instance}/modification",
            "POST /process-instance/{instance}/variables", "PUT /process-instance/{instance}/variables/topic",
            "POST /message", "POST /signal", "POST /task/create", "POST /task/{task}/delegate", "PUT /task/{task}",
            "POST /task/{task}/identity-links", "POST /job/{instance}/execute", "POST /filter/create",
            "POST /process-definition/{definition}/restart", "DELETE /deployment/{deployment}",
            "OPTIONS /task", "POST /task/{task}/variables/topic");

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    FilterService filters;
    @Autowired
    RepositoryService repository;
    @Autowired
    EngineApiAllowList allowList;

    private Map<String, String> ids;

    /** A fresh case in the stc queue, so that one role's walk (which completes the task) leaves the next one work. */
    private void aCaseInTheStcQueue() {
        ProcessInstance instance = runtime.startProcessInstanceByKey("foundation-fixture", "WALK-" + System.nanoTime(),
                Map.of("topic", "incubator"));
        ids = Map.of(
                "instance", instance.getId(),
                "definition", instance.getProcessDefinitionId(),
                "deployment", repository.createProcessDefinitionQuery()
                        .processDefinitionId(instance.getProcessDefinitionId()).singleResult().getDeploymentId(),
                "task", tasks.createTaskQuery().processInstanceId(instance.getId()).singleResult().getId(),
                "filter", filters.createFilterQuery().filterName("全部任务").singleResult().getId());
    }

    @Test
    void shouldLetEachRoleReachEveryOperationOnItsList() {
        SoftAssertions softly = new SoftAssertions();
        for (String user : ROLES) {
            aCaseInTheStcQueue();
            CurrentUser caller = new CurrentUser(user, groupsOf(user));
            for (String pattern : allowList.patternsFor(caller)) {
                for (String operation : examples(pattern, user)) {
                    HttpResponse<String> response = send("/engine-rest", operation, user);
                    softly.assertThat(response.body()).as(user + " " + operation + " → " + response.statusCode())
                            .doesNotContain(EngineApiGuard.REFUSED);
                    softly.assertThat(response.statusCode()).as(user + " " + operation).isNotIn(401, 405);
                    softly.assertThat(response.body()).as(user + " " + operation + ": a route of the REST API")
                            .doesNotContain("HTTP 404 Not Found");
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void shouldRefuseOperationsOutsideTheListsForEveryRole() {
        aCaseInTheStcQueue();
        for (String user : ROLES) {
            for (String operation : OUTSIDE) {
                HttpResponse<String> response = send("/engine-rest", operation, user);
                assertThat(response.statusCode()).as(user + " " + operation).isEqualTo(403);
                assertThat(response.body()).as(user + " " + operation).contains(EngineApiGuard.REFUSED);
            }
        }
        for (String user : List.of("stc-officer", "expert1", "applicant1")) {
            assertThat(send("/engine-rest", "GET /process-instance", user).statusCode()).as(user).isEqualTo(403);
            assertThat(send("/engine-rest", "GET /history/variable-instance", user).statusCode()).as(user).isEqualTo(403);
        }
        assertThat(runtime.createProcessInstanceQuery().processInstanceId(ids.get("instance")).count()).isEqualTo(1);
    }

    @Test
    void shouldApplyTheSameListsToTheWebappsApi() {
        aCaseInTheStcQueue();
        WebappSession applicant = WebappSession.login(http(), "tasklist", "applicant1");
        assertThat(applicant.get("/camunda/api/engine/engine/default/task").statusCode()).isEqualTo(200);
        HttpResponse<String> refused = applicant.get("/camunda/api/engine/engine/default/process-instance");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains(EngineApiGuard.REFUSED);
        assertThat(http().send(applicant.request("/camunda/api/engine/engine/default/process-instance/"
                + ids.get("instance")).DELETE()).statusCode()).isEqualTo(403);

        WebappSession supervisor = WebappSession.login(http(), "cockpit", "supervisor");
        assertThat(supervisor.get("/camunda/api/engine/engine/default/process-instance").statusCode()).isEqualTo(200);
        assertThat(supervisor.postJson("/camunda/api/engine/engine/default/process-instance/" + ids.get("instance")
                + "/variables", "{\"modifications\":{}}").statusCode()).isEqualTo(403);
        assertThat(supervisor.postJson("/camunda/api/engine/engine/default/task/" + ids.get("task")
                + "/comment/create", "{\"message\":\"x\"}").statusCode())
                .as("Tasklist's own operation, refused by the engine for another's task").isIn(400, 403);
        assertThat(tasks.getTaskComments(ids.get("task"))).isEmpty();
    }

    /** Concrete requests for a pattern: each {@code *} by the id its resource needs; {@code **} by some reads. */
    private List<String> examples(String pattern, String user) {
        if (pattern.endsWith("/**")) {
            return List.of("GET /process-instance", "GET /history/process-instance", "GET /incident",
                    "GET /deployment", "GET /job", "GET /decision-definition", "GET /history/activity-instance",
                    "GET /variable-instance", "GET /execution", "GET /process-instance/{instance}/variables");
        }
        String[] segments = pattern.split("/");
        StringBuilder path = new StringBuilder(segments[0]);
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("*")) {
                segment = switch (segments[i - 1]) {
                    case "task" -> "{task}";
                    case "filter" -> "{filter}";
                    case "process-definition" -> "{definition}";
                    case "key" -> "foundation-fixture";
                    case "process-instance" -> "{instance}";
                    case "user" -> user;
                    default -> "none";
                };
            }
            path.append('/').append(segment);
        }
        return List.of(path.toString());
    }

    private HttpResponse<String> send(String api, String operation, String user) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (Map.Entry<String, String> id : ids.entrySet()) {
            path = path.replace("{" + id.getKey() + "}", id.getValue());
        }
        HttpRequest.Builder request = http().request(api + path, user).header("Content-Type", "application/json");
        return http().send(method.equals("GET") ? request.GET()
                : request.method(method, HttpRequest.BodyPublishers.ofString("{}")));
    }

    private static java.util.Set<String> groupsOf(String user) {
        return switch (user) {
            case "stc-officer" -> java.util.Set.of("stc");
            case "expert1" -> java.util.Set.of("experts");
            case "applicant1" -> java.util.Set.of("applicants");
            default -> java.util.Set.of("supervision");
        };
    }
}
