package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.DocumentContent;
import cn.parkflow.casefile.IssuedDocuments;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.document.DocumentOrder;
import cn.parkflow.document.OfficialDocuments;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The incubator's documents with the data only the incubator has ({@link IncubatorDocumentData}):
 * the revocation decision states what the register recorded, the notice names the track in Chinese.
 */
class IncubatorDocumentsTest extends IncubatorApplicationTest {

    @Autowired
    OfficialDocuments documents;
    @Autowired
    IssuedDocuments issued;
    @Autowired
    CertificateRegister register;
    @Autowired
    CaseFile caseFile;
    @Autowired
    TransactionTemplate transaction;

    private String openCase(String title) {
        return caseFile.open(new NewCase(IncubatorCertificationProcess.CASE_TYPE, title, "applicant1",
                "上海闵智孵化运营有限公司", "stc"), "applicant1").number();
    }

    private String text(String caseNumber, CaseDocument document) throws Exception {
        DocumentContent content = issued.content(caseNumber, document.id()).orElseThrow();
        try (PDDocument pdf = Loader.loadPDF(content.bytes())) {
            return new PDFTextStripper().getText(pdf).replaceAll("\\s+", "");
        }
    }

    @Test
    void shouldStateTheRevocationAsTheRegisterRecordedIt() throws Exception {
        // given a certificate revoked after two D grades
        String number = openCase("年度绩效评价：闵智孵化器");
        Certificate certificate = transaction.execute(status -> register.issue(new Certificate(null, number,
                "闵智孵化器", "上海闵智孵化运营有限公司", "91310112MA1GBUG23E", "CULTIVATION", "上海市闵行区东川路555号",
                8000.0, "applicant1", null, null, null, null), LocalDate.of(2026, 1, 5)));
        transaction.executeWithoutResult(status -> register.revoke(certificate.number(),
                "连续两年年度绩效评价为D（不合格），撤销认定", false, number, LocalDate.of(2026, 11, 28)));

        // when the revocation step issues its decision
        CaseDocument decision = transaction.execute(status -> documents.make(new DocumentOrder("incubator-revocation",
                number, "revoke-" + number, Map.of("certificateNumber", certificate.number()))));

        // then
        assertThat(decision.documentNumber()).matches("闵科孵决〔\\d{4}〕\\d+号");
        assertThat(text(number, decision)).contains("关于撤销“闵智孵化器”高质量培育孵化器认定的决定",
                "上海闵智孵化运营有限公司：", "2026年1月5日", certificate.number(),
                "经查，连续两年年度绩效评价为D（不合格）。", "第十四条", "收回认定证书")
                .doesNotContain("两年内不得再次申请");
    }

    @Test
    void shouldListTheIncubatorOfTheNoticeWithItsTrackAndTheObjectionDeadline() throws Exception {
        // given
        String number = openCase("高质量孵化器认定申请：紫竹数字创意孵化器");

        // when
        CaseDocument notice = transaction.execute(status -> documents.make(new DocumentOrder("incubator-public-notice",
                number, "notice-" + number, Map.of("incubatorName", "紫竹数字创意孵化器",
                        "operatorName", "上海紫竹创业孵化器有限公司", "requestedTrack", "CULTIVATION",
                        "noticeEndsAt", Date.from(LocalDate.of(2026, 12, 7).atTime(17, 30)
                                .atZone(cn.parkflow.calendar.EngineClock.ZONE).toInstant())))));

        // then
        assertThat(notice.documentNumber()).matches("闵科孵公〔\\d{4}〕\\d+号");
        assertThat(text(number, notice)).contains("紫竹数字创意孵化器", "上海紫竹创业孵化器有限公司", "高质量培育孵化器",
                "至2026年12月7日17:30止");
    }
}
