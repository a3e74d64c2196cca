package cn.parkflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/** Who sees what on the board, over HTTP, for every endpoint the plugin calls. */
class SupervisionAccessTest extends SupervisionDataSetTest {

    private List<String> endpoints() {
        return List.of("/api/supervision/overview", "/api/supervision/overdue", "/api/supervision/on-time?days=90",
                "/api/supervision/cases/" + cases.yellow(), "/api/supervision/overview.xlsx",
                "/api/supervision/overdue.xlsx", "/api/supervision/on-time.xlsx",
                "/api/supervision/cases/" + cases.yellow() + ".xlsx");
    }

    @Test
    void shouldLetSupervisorsReadEveryEndpoint() {
        for (String path : endpoints()) {
            assertThat(http().get(path, "supervisor").statusCode()).as(path).isEqualTo(200);
        }
        assertThat(departments(get("/api/supervision/overdue", "supervisor"))).contains(DEPARTMENT, OTHER);
    }

    @Test
    void shouldRefuseAnonymousApplicantsAndExperts() {
        for (String path : endpoints()) {
            assertThat(http().get(path, null).statusCode()).as(path).isEqualTo(401);
            assertThat(http().get(path, "applicant1").statusCode()).as("applicant1 " + path).isEqualTo(403);
            assertThat(http().get(path, "expert1").statusCode()).as("expert1 " + path).isEqualTo(403);
        }
    }

    @Test
    void shouldChangeNothingThroughTheBoard() {
        for (String path : endpoints()) {
            for (String method : List.of("POST", "PUT", "DELETE")) {
                int status = http().send(http().request(path, "supervisor").method(method,
                        HttpRequest.BodyPublishers.noBody())).statusCode();
                assertThat(status).as(method + " " + path).isEqualTo(405);
            }
        }
    }

    @Test
    void shouldShowAnOfficerOnlyTheirOwnDepartmentsBoard() {
        String officer = DEPARTMENT + "-officer";
        for (String path : endpoints()) {
            assertThat(http().get(path, officer).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(departments(get("/api/supervision/overdue", officer))).containsOnly(DEPARTMENT);
        JsonNode overview = get("/api/supervision/overview", officer);
        assertThat(overview.path("colours").findValuesAsText("department")).containsOnly(DEPARTMENT);
        assertThat(get("/api/supervision/on-time?days=365", officer).path("byDepartment").findValuesAsText("department"))
                .containsOnly(DEPARTMENT);
        for (String path : List.of("/api/supervision/overview?department=" + OTHER,
                "/api/supervision/overdue?department=" + OTHER, "/api/supervision/on-time?department=" + OTHER,
                "/api/supervision/overdue.xlsx?department=" + OTHER, "/api/supervision/overview.xlsx?department=" + OTHER,
                "/api/supervision/on-time.xlsx?department=" + OTHER, "/api/supervision/cases/" + cases.otherYellow(),
                "/api/supervision/cases/" + cases.otherYellow() + ".xlsx")) {
            assertThat(http().get(path, officer).statusCode()).as(path).isEqualTo(403);
        }
    }

    @Test
    void shouldHideApplicantDocumentsAndMailsFromADepartmentThatOnlyHeldAnEarlierStep() {
        caseFile.involve(cases.yellow(), OTHER);

        JsonNode page = get("/api/supervision/cases/" + cases.yellow(), OTHER + "-officer");
        JsonNode full = get("/api/supervision/cases/" + cases.yellow(), DEPARTMENT + "-officer");

        assertThat(page.path("restricted").asBoolean()).isTrue();
        assertThat(page.path("record").path("applicantOrganisation").isNull()).isTrue();
        assertThat(page.path("record").path("applicantUser").isNull()).isTrue();
        assertThat(page.path("documents")).isEmpty();
        assertThat(page.path("mails")).isEmpty();
        assertThat(full.path("restricted").asBoolean()).isFalse();
        assertThat(full.path("record").path("applicantOrganisation").asText()).isEqualTo("闵行创新孵化器");
        assertThat(full.path("documents")).hasSize(1);
        assertThat(full.path("mails").findValuesAsText("subject")).contains("【受理通知】节前到期");
    }

    private static List<String> departments(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(r -> r.path("department").asText()).distinct()
                .toList();
    }

}
