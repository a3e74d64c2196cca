package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.WebappSession;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** ARCHITECTURE.md "Security baseline", item by item, over HTTP against the running application. */
class SecurityHardeningTest extends PostgresApplicationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    RuntimeService runtimeService;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRefuseAnonymousAccessToTheRestApis() {
        assertThat(http().get("/engine-rest/user", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/engine-rest/task", null).statusCode()).isEqualTo(401);
        HttpResponse<String> cases = http().get("/api/cases", null);
        assertThat(cases.statusCode()).isEqualTo(401);
        assertThat(cases.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(http().get("/engine-rest/user", "stc-officer").statusCode()).isEqualTo(200);
    }

    /** Our API takes the webapps' login (Tasklist plugins need no password box); a change needs the session's CSRF token. */
    @Test
    void shouldTakeTheWebappLoginOnOurApiAndDemandItsCsrfTokenForChanges() {
        // given
        WebappSession officer = WebappSession.login(http(), "tasklist", "stc-officer");
        String request = "/api/calendar/clocks/INC-2026-9999/extension-requests";
        String body = "{\"reason\":\"需补充核查\"}";

        // when
        HttpResponse<String> anonymous = http().get("/api/cases", null);
        HttpResponse<String> wrongPassword = http().send(http().request("/api/cases", null)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("no-such-user:wrong".getBytes()))
                .GET());
        HttpResponse<String> read = officer.get("/api/cases");
        HttpResponse<String> forged = http().send(officer.requestWithoutCsrfToken(request)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        HttpResponse<String> withToken = officer.postJson(request, body);

        // then: no Basic challenge (a browser's password box) unless credentials were tried
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isEmpty();
        assertThat(wrongPassword.statusCode()).isEqualTo(401);
        assertThat(wrongPassword.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(forged.body()).contains("安全令牌");
        assertThat(withToken.statusCode()).as("past authentication: the case does not exist").isEqualTo(404);
    }

    @Test
    void shouldAnswerHealthAnonymouslyWithoutDetailsAndKeepOtherActuatorsForAdmins() {
        HttpResponse<String> health = http().get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(http().get("/actuator/metrics", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/metrics", "stc-officer").statusCode()).isEqualTo(403);
        assertThat(http().get("/actuator/metrics", "admin").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseTheSetupEndpointOnceAnAdminExists() {
        HttpResponse<String> response = http().postJson("/camunda/api/admin/setup/default/user/create", null,
                "{\"profile\":{\"id\":\"intruder\",\"firstName\":\"x\",\"lastName\":\"y\"},"
                        + "\"credentials\":{\"password\":\"intruder-pass\"}}");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
    }

    @Test
    void shouldRefuseExpressionsInOrQueriesOnEveryTaskQueryPath() {
        String query = "{\"orQueries\":[{\"assigneeExpression\":\"${currentUser()}\"}]}";
        String filter = "{\"resourceType\":\"Task\",\"name\":\"x\",\"query\":" + query + "}";

        for (String path : List.of("/engine-rest/task", "/engine-rest/task/count", "/engine-rest/task;a=b",
                "/engine-rest//task/./count/")) {
            HttpResponse<String> response = http().postJson(path, "admin", query);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("orQueries");
        }
        WebappSession admin = WebappSession.login(http(), "cockpit", "admin");
        for (String path : List.of("/camunda/api/engine/engine/default/task",
                "/camunda/api/engine/engine/default/task/count", "/camunda/api/engine/engine/default/task;a=b")) {
            HttpResponse<String> response = admin.postJson(path, query);
            assertThat(response.statusCode()).as(path).isEqualTo(400);
            assertThat(response.body()).as(path).contains("orQueries");
        }
        assertThat(http().postJson("/engine-rest/filter/create", "admin", filter).statusCode()).isEqualTo(400);
        assertThat(http().postJson("/engine-rest/task", "admin",
                "{\"orQueries\":[{\"assignee\":\"stc-officer\"}]}").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseExpressionsInAdhocQueries() {
        HttpResponse<String> response = http().get("/engine-rest/task?assigneeExpression=%24%7BcurrentUser()%7D", "admin");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).containsIgnoringCase("expression");
    }

    @Test
    void shouldRefuseJavaSerializedObjectVariables() {
        long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("foundation-fixture").count();
        String start = "{\"variables\":{\"topic\":{\"value\":\"incubator\",\"type\":\"String\"},"
                + "\"payload\":{\"value\":\"rO0ABXQABGV2aWw=\",\"type\":\"Object\",\"valueInfo\":{"
                + "\"objectTypeName\":\"java.lang.String\","
                + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}}}";

        HttpResponse<String> response = http().postJson(
                "/engine-rest/process-definition/key/foundation-fixture/start", "admin", start);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("foundation-fixture").count())
                .isEqualTo(before);
    }

    @Test
    void shouldIssueHttpOnlySameSiteSessionCookiesAndEnforceCsrf() {
        Http http = http();
        HttpResponse<String> withoutToken = http.send(login(http, openTasklist(http), false));
        assertThat(withoutToken.statusCode()).isEqualTo(403);

        HttpResponse<String> login = http.send(login(http, openTasklist(http), true));
        assertThat(login.statusCode()).isEqualTo(200);
        String sessionCookie = login.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(sessionCookie).contains("HttpOnly").contains("SameSite=Strict");
    }

    private static HttpResponse<String> openTasklist(Http http) {
        return http.send(http.request("/camunda/app/tasklist/", null).GET());
    }

    @Test
    void shouldSlowDownRepeatedFailedLogins() {
        createUser("throttle-probe", "correct-horse");
        Http http = http();

        assertThat(basic(http, "throttle-probe", "wrong").statusCode()).isEqualTo(401);
        assertThat(basic(http, "throttle-probe", "correct-horse").statusCode())
                .as("the right password is refused while the login delay runs").isEqualTo(401);

        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 10_000));
        assertThat(basic(http, "throttle-probe", "correct-horse").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> basic(Http http, String user, String password) {
        return http.send(http.request("/engine-rest/user/" + user + "/profile", null)
                .header("Authorization", Http.basic(user, password)).GET());
    }

    /** A login from the page's session, with or without the CSRF token the page handed out. */
    private HttpRequest.Builder login(Http http, HttpResponse<String> page, boolean withToken) {
        HttpRequest.Builder request = http.request("/camunda/api/admin/auth/user/default/login/tasklist", null)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(page, "JSESSIONID") + "; " + cookie(page, "XSRF-TOKEN"))
                .POST(HttpRequest.BodyPublishers.ofString("username=stc-officer&password=stc-officer"));
        return withToken ? request.header("X-XSRF-TOKEN", page.headers().firstValue("X-XSRF-TOKEN").orElseThrow())
                : request;
    }

    private static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(value -> value.startsWith(name + "="))
                .map(value -> value.substring(0, value.indexOf(';')))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name));
    }

    private void createUser(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }
}
