package cn.parkflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.IssuedDocuments;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.PostgresTestServer;
import cn.parkflow.support.TestCaseDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Official documents on PostgreSQL through the kernel's service: numbered from the series, stored
 * with the case and its digest in the audit trail, listed and downloaded as the case's readers may,
 * made once per step, and never replaced by an upload.
 */
class OfficialDocumentsApplicationTest extends PostgresApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LETTER = "incubator-non-acceptance";

    @Autowired
    OfficialDocuments documents;
    @Autowired
    IssuedDocuments issued;
    @Autowired
    CaseFile caseFile;
    @Autowired
    TransactionTemplate transaction;

    private String openCase(String applicant) {
        return caseFile.open(new NewCase(TestCaseDocuments.CASE_TYPE, "公文测试案件", applicant, "上海测试孵化器运营有限公司",
                "stc"), applicant).number();
    }

    private CaseDocument make(String caseNumber, String template, String step) {
        return transaction.execute(status -> documents.make(new DocumentOrder(template, caseNumber, step, Map.of(
                "operatorName", "上海测试孵化器运营有限公司", "incubatorName", "测试孵化器",
                "reason", "补正后仍缺少孵化资金证明。", "certificateNumber", "闵科孵认〔2026〕99号",
                "trackLabel", "高质量孵化器", "validFrom", "2026-01-05", "validUntil", "2029-01-04"))));
    }

    @Test
    void shouldNumberStoreAuditListAndServeTheDocumentAsTheApplicantReadsIt() throws Exception {
        // given
        String number = openCase("applicant1");

        // when
        CaseDocument letter = make(number, LETTER, "step-" + number);

        // then the number comes from the decisions' series, the digest is the stored file's
        assertThat(letter.documentNumber()).matches("闵科孵决〔\\d{4}〕\\d+号");
        assertThat(letter.kindLabel()).isEqualTo("不予受理决定书");
        assertThat(letter.fileName()).isEqualTo("不予受理决定书（" + letter.documentNumber() + "）.pdf");
        JsonNode shown = JSON.readTree(http().get("/api/cases/" + number, "applicant1").body());
        assertThat(shown.path("documents").get(0).path("documentNumber").asText()).isEqualTo(letter.documentNumber());
        assertThat(shown.path("events").toString()).contains("DOCUMENT_ISSUED", "SHA-256 " + letter.sha256());

        HttpResponse<byte[]> download = http().getBytes("/api/cases/" + number + "/documents/" + letter.id(), "applicant1");
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(download.body())))
                .isEqualTo(letter.sha256());
        try (PDDocument pdf = Loader.loadPDF(download.body())) {
            String text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
            assertThat(text).contains(letter.documentNumber(), "不予受理决定书", "上海测试孵化器运营有限公司",
                    "补正后仍缺少孵化资金证明", "上海市闵行区科学技术委员会", number);
        }
    }

    @Test
    void shouldMakeOneDocumentAndTakeOneNumberWhenTheSameStepRunsTwice() {
        // given
        String number = openCase("applicant1");
        CaseDocument first = make(number, LETTER, "retried-step-" + number);

        // when the job runs again
        CaseDocument again = make(number, LETTER, "retried-step-" + number);
        CaseDocument next = make(number, LETTER, "next-step-" + number);

        // then
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.documentNumber()).isEqualTo(first.documentNumber());
        assertThat(PostgresTestServer.shared().query(
                "SELECT COUNT(*) FROM case_document WHERE case_number = '" + number + "'")).isEqualTo("2");
        assertThat(sequence(next.documentNumber())).isEqualTo(sequence(first.documentNumber()) + 1);
        assertThat(caseFile.events(number)).filteredOn(event -> event.action().equals(IssuedDocuments.ISSUED)).hasSize(2);
    }

    @Test
    void shouldLetTheApplicantDownloadTheirOwnCertificateButNotAnothers() {
        // given
        String own = openCase("applicant1");
        String another = openCase("applicant2");
        CaseDocument ownCertificate = make(own, "incubator-certificate", "certificate-" + own);
        CaseDocument anotherCertificate = make(another, "incubator-certificate", "certificate-" + another);

        // when
        HttpResponse<byte[]> mine = http().getBytes("/api/cases/" + own + "/documents/" + ownCertificate.id(), "applicant1");
        HttpResponse<byte[]> theirs = http().getBytes("/api/cases/" + another + "/documents/" + anotherCertificate.id(),
                "applicant1");
        HttpResponse<byte[]> crossed = http().getBytes("/api/cases/" + own + "/documents/" + anotherCertificate.id(),
                "applicant1");
        HttpResponse<byte[]> officer = http().getBytes("/api/cases/" + another + "/documents/" + anotherCertificate.id(),
                "stc-officer");

        // then
        assertThat(ownCertificate.documentNumber()).isEqualTo("闵科孵认〔2026〕99号");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(theirs.statusCode()).isEqualTo(403);
        assertThat(crossed.statusCode()).isEqualTo(404);
        assertThat(officer.statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnUploadUnderAnIssuedKind() {
        // given
        String number = openCase("applicant1");
        make(number, LETTER, "upload-" + number);

        // when
        HttpResponse<String> upload = http().postFile("/api/cases/" + number + "/documents", "applicant1", "kind", LETTER,
                "fake.pdf", "application/pdf", "%PDF-1.7 forged".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        // then
        assertThat(upload.statusCode()).isEqualTo(400);
        assertThat(issued.latest(number, java.util.List.of(LETTER))).hasValueSatisfying(
                document -> assertThat(document.uploadedBy()).isEqualTo(CaseFile.SYSTEM));
    }

    private static int sequence(String documentNumber) {
        return Integer.parseInt(documentNumber.replaceAll(".*〕(\\d+)号", "$1"));
    }
}
