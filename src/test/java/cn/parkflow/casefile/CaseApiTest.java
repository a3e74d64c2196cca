package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class CaseApiTest extends PostgresApplicationTest {

    @Autowired
    CaseFile caseFile;

    /** Request parameters reach the controller in NFC: the refusal repeats the department as NFC. */
    @Test
    void shouldHandRequestParametersToTheControllerInNfc() {
        HttpResponse<String> response = http().get("/api/cases?department=Cafe%CC%81", "stc-officer");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("无权查看部门 Caf\u00e9 的案件").doesNotContain("Cafe\u0301");
    }

    @Test
    void shouldCutAnOverlongOutcomeToWhatTheRecordAndTheTrailKeep() {
        String number = caseFile.open(new NewCase("API", "长结论", "applicant1", "闵行创新孵化器", "stc"), "test").number();
        String reason = "理".repeat(600);

        caseFile.close(number, reason, CaseFile.SYSTEM);

        assertThat(caseFile.get(number).outcome()).hasSize(200).endsWith("…");
        assertThat(caseFile.events(number)).last().satisfies(event ->
                assertThat(event.outcome()).hasSize(500).startsWith("理理").endsWith("…"));
    }

    @Test
    void shouldShowTheCaseWithItsAuditTrail() {
        String number = caseFile.open(new NewCase("API", "孵化器认定申请", "applicant1", "闵行创新孵化器", "stc"),
                "applicant1").number();
        caseFile.changeStatus(number, "FORMAL_CHECK", "stc-officer");

        HttpResponse<String> response = http().get("/api/cases/" + number, "applicant1");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"number\":\"" + number + "\"", "孵化器认定申请",
                "\"status\":\"FORMAL_CHECK\"", "\"action\":\"OPENED\"", "\"actor\":\"stc-officer\"");
    }

    @Test
    void shouldAnswerBadParametersWithAProblemDetailNamingTheParameter() {
        HttpResponse<String> negativePage = http().get("/api/cases?page=-1", "supervisor");
        HttpResponse<String> wordForSize = http().get("/api/cases?size=many", "supervisor");
        HttpResponse<String> badType = http().get("/api/cases?type=inc", "supervisor");

        for (HttpResponse<String> response : java.util.List.of(negativePage, wordForSize, badType)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).doesNotContain("Exception").doesNotContain("at cn.");
        }
        assertThat(negativePage.body()).contains("page");
        assertThat(wordForSize.body()).contains("size");
        assertThat(badType.body()).contains("type");
    }

    @Test
    void shouldAnswerAnUnknownCaseWith404ProblemDetail() {
        HttpResponse<String> response = http().get("/api/cases/INC-1999-0001", "supervisor");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("INC-1999-0001");
    }
}
