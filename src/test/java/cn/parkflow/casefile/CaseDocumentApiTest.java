package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.PostgresTestServer;
import cn.parkflow.support.TestCaseDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Case documents over HTTP on PostgreSQL, with the kinds of {@link TestCaseDocuments}: the declared
 * kinds only, within the limits, the type read from the content; uploaded by the case's applicant
 * and its department's officers, read by whoever may read the case. A refusal names the field and
 * stores nothing.
 */
class CaseDocumentApiTest extends PostgresApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] PDF = "%PDF-1.7\n项目计划书".getBytes(StandardCharsets.UTF_8);

    @Autowired
    CaseFile caseFile;

    private String openCase() {
        return caseFile.open(new NewCase(TestCaseDocuments.CASE_TYPE, "材料测试案件", "applicant1", "测试机构", "stc"),
                "applicant1").number();
    }

    private HttpResponse<String> upload(String number, String user, String kind, String fileName, String type,
                                        byte[] content) {
        return http().postFile("/api/cases/" + number + "/documents", user, "kind", kind, fileName, type, content);
    }

    private static long stored(String number) {
        return Long.parseLong(PostgresTestServer.shared().query(
                "SELECT COUNT(*) FROM case_document WHERE case_number = '" + number + "'"));
    }

    @Test
    void shouldStoreADeclaredKindListItOnTheCaseAndGiveItBackUnderItsChineseName() throws Exception {
        String number = openCase();

        HttpResponse<String> added = upload(number, "applicant1", "PLAN", "项目计划书.pdf", "application/pdf", PDF);

        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        JsonNode document = JSON.readTree(added.body());
        assertThat(document.path("kindLabel").asText()).isEqualTo("项目计划书");
        assertThat(document.path("sizeBytes").asLong()).isEqualTo(PDF.length);
        assertThat(document.path("uploadedBy").asText()).isEqualTo("applicant1");
        JsonNode shown = JSON.readTree(http().get("/api/cases/" + number, "stc-officer").body());
        assertThat(shown.path("documents")).hasSize(1);
        assertThat(shown.path("documents").get(0).path("fileName").asText()).isEqualTo("项目计划书.pdf");
        assertThat(shown.path("events").toString()).contains("ATTACHMENT_ADDED", "项目计划书：项目计划书.pdf");

        HttpResponse<String> download = http().get("/api/cases/" + number + "/documents/" + document.path("id").asText(),
                "applicant1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(disposition ->
                assertThat(disposition).startsWith("attachment").contains("UTF-8''%E9%A1%B9%E7%9B%AE"));
        assertThat(download.body()).isEqualTo(new String(PDF, StandardCharsets.UTF_8));
    }

    @Test
    void shouldRefuseAnUndeclaredKindAWrongTypeAForgedSignatureAndAnOversizedFileStoringNothing() {
        String number = openCase();
        byte[] tooBig = new byte[20 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, tooBig, 0, PDF.length);

        HttpResponse<String> undeclared = upload(number, "applicant1", "APPLICATION_FORM", "a.pdf", "application/pdf", PDF);
        HttpResponse<String> text = upload(number, "applicant1", "PLAN", "a.txt", "text/plain",
                "计划".getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> forged = upload(number, "applicant1", "PLAN", "virus.pdf", "application/pdf",
                "MZ\u0090\u0000".getBytes(StandardCharsets.ISO_8859_1));
        HttpResponse<String> oversized = upload(number, "applicant1", "PLAN", "big.pdf", "application/pdf", tooBig);
        HttpResponse<String> empty = upload(number, "applicant1", "PLAN", "empty.pdf", "application/pdf", new byte[0]);

        for (HttpResponse<String> refused : List.of(undeclared, text, forged, oversized, empty)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
            assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
        assertThat(undeclared.body()).contains("kind：材料类别应为 PLAN（项目计划书）、LICENCE（营业执照）");
        assertThat(text.body()).contains("file：仅接受 PDF、JPG、PNG、OFD 文件（文件内容须与类型一致）");
        assertThat(forged.body()).contains("file：仅接受 PDF、JPG、PNG、OFD");
        assertThat(oversized.body()).contains("file：文件大小应在1字节至20MB之间");
        assertThat(empty.body()).contains("file：文件大小");
        assertThat(stored(number)).isZero();
        assertThat(caseFile.events(number)).noneSatisfy(event -> assertThat(event.action()).isEqualTo("ATTACHMENT_ADDED"));
    }

    @Test
    void shouldNameTheMissingKindOrFile() {
        String number = openCase();

        HttpResponse<String> noFile = http().send(http().request("/api/cases/" + number + "/documents", "applicant1")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "--b\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nPLAN\r\n--b--\r\n")));
        HttpResponse<String> noKind = http().postFile("/api/cases/" + number + "/documents", "applicant1", "note", "x",
                "a.pdf", "application/pdf", PDF);

        assertThat(noFile.statusCode()).isEqualTo(400);
        assertThat(noFile.body()).contains("file：请选择要上传的文件");
        assertThat(noKind.statusCode()).isEqualTo(400);
        assertThat(noKind.body()).contains("缺少参数 kind");
        assertThat(stored(number)).isZero();
    }

    @Test
    void shouldLetTheApplicantAndTheDepartmentFileAndSupervisorsOnlyRead() throws Exception {
        String number = openCase();
        String id = JSON.readTree(upload(number, "applicant1", "PLAN", "计划书.pdf", "application/pdf", PDF).body())
                .path("id").asText();

        assertThat(upload(number, "stc-officer", "LICENCE", "执照.pdf", "application/pdf", PDF).statusCode())
                .isEqualTo(201);
        assertThat(http().get("/api/cases/" + number + "/documents", "supervisor").body()).contains("计划书.pdf", "执照.pdf");
        assertThat(http().get("/api/cases/" + number + "/documents/" + id, "supervisor").statusCode()).isEqualTo(200);
        assertThat(upload(number, "supervisor", "LICENCE", "s.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
        assertThat(upload(number, "amr-officer", "LICENCE", "a.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);

        assertThat(upload(number, "applicant2", "LICENCE", "x.pdf", "application/pdf", PDF).statusCode()).isEqualTo(403);
        assertThat(http().get("/api/cases/" + number + "/documents", "applicant2").statusCode()).isEqualTo(403);
        assertThat(http().get("/api/cases/" + number + "/documents/" + id, "applicant2").statusCode()).isEqualTo(403);
        assertThat(stored(number)).isEqualTo(2);
    }

    @Test
    void shouldRefuseDocumentsForAClosedCase() {
        String number = openCase();
        caseFile.close(number, "已办结", "stc-officer");

        HttpResponse<String> refused = upload(number, "applicant1", "PLAN", "迟到.pdf", "application/pdf", PDF);

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("案件已结案");
        assertThat(stored(number)).isZero();
    }

    @Test
    void shouldAnswerAnUnknownDocumentWith404() {
        String number = openCase();

        assertThat(http().get("/api/cases/" + number + "/documents/999999", "applicant1").statusCode()).isEqualTo(404);
    }
}
