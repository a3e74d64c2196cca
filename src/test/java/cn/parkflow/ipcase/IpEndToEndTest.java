package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
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
        completeAs("ip-station-officer", number, TASK_TRIAGE, Map.of(CHANNEL, "MEDIATION"));

        // the mediation committee hears of the new task, records consent; the 1-month clock runs
        await("task mail to the mediation committee", () -> !mailTo("ip-mediation@parkflow.example", number).isEmpty());
        completeAs("ip-mediation-officer", number, TASK_RECORD_CONSENT, Map.of("counterpartyConsent", "CONSENTED",
                "consentMethod", "WRITTEN", "consentNote", "被申请人书面同意调解"));
        await("mediation clock", () -> caseFile.get(number).deadline().current() != null);
        completeAs("ip-mediation-officer", number, TASK_MEDIATE, Map.of("mediationResult", "AGREEMENT",
                "mediationSummary", "被申请人停止使用并赔偿5万元"));
        await("agreement mail to both parties", () -> !mailTo("legal@counterparty-e2e.example", "被申请人停止使用并赔偿5万元").isEmpty()
                && !mailTo("applicant1@parkflow.example", "被申请人停止使用并赔偿5万元").isEmpty());

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
}
