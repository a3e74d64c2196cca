package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.document.TestDocuments;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From POST /api/ip-cases to the closure mail, as the real users over HTTP (our API and Tasklist's
 * /engine-rest), on PostgreSQL with the job executor, the statutory clock, the mail outbox and
 * GreenMail: a copyright dispute mediated to an agreement, judicially confirmed, followed up by the
 * second mediator and closed with the applicant's satisfaction.
 */
class IpEndToEndTest extends IpApplicationTest {

    @Autowired
    CaseFile caseFile;
    @Autowired
    IpCaseOutcomes outcomes;

    @Test
    void shouldMediateACopyrightDisputeFromSubmissionToClosureWithTheMails() throws Exception {
        // the right holder submits online
        Map<String, Object> request = IpCaseApiTest.request("COPYRIGHT", "MEDIATION");
        request.put("counterpartyEmail", "legal@counterparty-e2e.example");
        String number = submit("applicant1", request);
        uploadRightCertificate("applicant1", number);

        // the workstation registers, accepts and triages
        completeAs("ip-station-officer", number, TASK_REGISTER_INTAKE, Map.of("rightStatus", "VALID", "courtAccepted", false));
        completeAs("ip-station-officer", number, TASK_DECIDE_ACCEPTANCE, Map.of(ACCEPTANCE_DECISION, "ACCEPT"));
        await("acceptance mail", () -> !mailTo("applicant1@parkflow.example", number).stream()
                .filter(m -> subject(m).contains("已受理")).toList().isEmpty());
        MimeMessage accepted = mailTo("applicant1@parkflow.example", number).stream()
                .filter(m -> subject(m).contains("已受理")).findFirst().orElseThrow();
        assertThat(attachmentNames(accepted)).singleElement().asString().matches("受理通知书（闵知援受〔\\d{4}〕\\d+号）\\.pdf");
        completeAs("ip-station-officer", number, TASK_TRIAGE, Map.of(CHANNEL, "MEDIATION"));

        // the mediation committee hears of the new task, records consent; the 1-month clock runs
        await("task mail to the mediation committee", () -> !mailTo("ip-mediation@parkflow.example", number).isEmpty());
        completeAs("ip-mediation-officer", number, TASK_RECORD_CONSENT, Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "WRITTEN", "consentNote", "被申请人书面同意调解"));
        await("mediation clock", () -> caseFile.get(number).deadline().current() != null);
        completeAs("ip-mediation-officer", number, TASK_MEDIATE, Map.of("mediationResult", "AGREEMENT",
                "mediationSummary", "被申请人停止使用涉案作品；被申请人赔偿5万元",
                "performanceTerms", "赔偿金于协议签订之日起十日内支付"));
        await("agreement mail to both parties", () -> !mailTo("legal@counterparty-e2e.example", "被申请人赔偿5万元").isEmpty()
                && !mailTo("applicant1@parkflow.example", "被申请人赔偿5万元").isEmpty());

        // the agreement is the committee's numbered PDF, attached to the counterparty's mail and listed on the case
        MimeMessage agreementMail = mailTo("legal@counterparty-e2e.example", "被申请人赔偿5万元").get(0);
        assertThat(attachmentNames(agreementMail)).singleElement().asString()
                .matches("人民调解协议书（闵知调〔\\d{4}〕\\d+号）\\.pdf");
        JsonNode agreement = JSON.readTree(http().get("/api/cases/" + number, "applicant1").body()).path("documents")
                .findParents("kind").stream().filter(d -> d.path("kind").asText().equals("ipcase-mediation-agreement"))
                .findFirst().orElseThrow();
        byte[] pdf = http().getBytes("/api/cases/" + number + "/documents/" + agreement.path("id").asLong(), "applicant1").body();
        assertThat(TestDocuments.text(pdf)).contains("人民调解协议书", "当事人（申请人）：上海零号湾智能科技有限公司",
                "1．被申请人停止使用涉案作品", "2．被申请人赔偿5万元", "赔偿金于协议签订之日起十日内支付", number,
                "上海市闵行区知识产权人民调解委员会");

        // judicial confirmation by the court, follow-up by the second mediator
        completeAs("ip-mediation-officer", number, TASK_RECORD_CONFIRMATION_APPLICATION, Map.of("confirmationApplied", true));
        completeAs("court-officer", number, TASK_CONFIRM_AGREEMENT, Map.of("judicialConfirmation", "CONFIRMED"));
        completeAs(IpDemoData.SECOND_MEDIATOR, number, TASK_VISIT_PERFORMANCE, Map.of("performance", "PERFORMED"));

        // closure with satisfaction recorded by the workstation
        completeAs("ip-station-officer", number, TASK_CLOSE, Map.of(SATISFACTION, "VERY_SATISFIED",
                "satisfactionSource", "APPLICANT"));
        await("case closed", () -> caseFile.get(number).isClosed());
        assertThat(caseFile.get(number).outcome()).startsWith("M01 人民调解达成协议");
        await("closure mail", () -> !mailTo("applicant1@parkflow.example", number).stream()
                .filter(m -> subject(m).contains("已办结")).toList().isEmpty());

        // the applicant, the court (which held a step) and supervision read the case; the trail names each step
        String byApplicant = http().get("/api/cases/" + number, "applicant1").body();
        assertThat(byApplicant).contains("CLOSED", "ip-mediation-officer", "court-officer", IpDemoData.SECOND_MEDIATOR);
        assertThat(http().get("/api/cases/" + number, "court-officer").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/cases/" + number, "supervisor").statusCode()).isEqualTo(200);
        assertThat(http().get("/api/cases/" + number, "applicant2").statusCode()).isEqualTo(403);
    }

    /** The file names of a mail's attachments. */
    private static List<String> attachmentNames(MimeMessage mail) throws Exception {
        List<String> names = new ArrayList<>();
        if (mail.getContent() instanceof MimeMultipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    names.add(MimeUtility.decodeText(parts.getBodyPart(i).getFileName()));
                }
            }
        }
        return names;
    }
}
