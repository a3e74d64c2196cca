package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * From POST /api/incubators/applications to the certificate mail, as the real users over HTTP
 * (our API and Tasklist's /engine-rest), on PostgreSQL, with the job executor, the statutory clock,
 * the working-day calendar and the mail outbox of the application, and GreenMail receiving the mail.
 */
class IncubatorEndToEndTest extends IncubatorApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ManagementService managementService;
    @Autowired
    CaseFile caseFile;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void shouldCertifyFromSubmissionToTheCertificateMail() throws Exception {
        Map<String, Object> application = IncubatorApiTest.application();
        HttpResponse<String> submitted = http().postJson("/api/incubators/applications", "applicant1",
                JSON.writeValueAsString(application));
        assertThat(submitted.statusCode()).isEqualTo(201);
        String number = JSON.readTree(submitted.body()).path("caseNumber").asText();

        IncubatorApiTest.attachRequired(http(), number);
        completeAs("stc-officer", number, TASK_FORMAL_CHECK, Map.of("formalCheckResult", "COMPLETE"));
        await("acceptance mail", () -> !mailTo("applicant1@parkflow.example", number).isEmpty());
        assertThat(caseFile.get(number).deadline().current()).as("the statutory clock runs").isNotNull();

        completeAs("stc-officer", number, TASK_CONFIRM_ELIGIBILITY, Map.of("eligibilityDecision", "ELIGIBLE"));
        for (int i = 1; i <= 5; i++) {
            String expert = "expert" + i;
            completeAs(expert, number, TASK_DECLARE_CONFLICT, Map.of("conflictDeclaration", "NO_CONFLICT"));
            completeAs(expert, number, TASK_SCORE, Map.of("scoreCapability", 85, "scoreEffectiveness", 80,
                    "scoreSustainability", 78, "scoreInnovation", 82, "expertComment", "孵化服务体系完善，成效显著。"));
        }
        completeAs("zerobay-officer", number, "Task_InspectSite", Map.of("inspectionDate", "2026-03-20",
                "verifiedArea", 11900, "verifiedIncubateeCount", 60, "siteInspectionResult", "CONFIRMED"));
        completeAs("supervisor", number, "Task_DecideCertification", Map.of("certificationDecision", "APPROVE"));
        String noticeTask = waitForTask(number, "Task_ReceiveObjections", "stc-officer");
        assertThat(noticeTask).isNotBlank();

        // five working days pass: the notice timer falls due now
        String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
                .singleResult().getId();
        Job noticeEnd = managementService.createJobQuery().processInstanceId(instanceId)
                .activityId(NOTICE_PERIOD_ENDED).singleResult();
        managementService.setJobDuedate(noticeEnd.getId(), new Date());

        await("case closed", () -> caseFile.get(number).isClosed());
        String outcome = caseFile.get(number).outcome();
        assertThat(outcome).startsWith("已认定：闵科孵认〔");
        String certificate = outcome.substring(outcome.indexOf("闵科孵认"), outcome.indexOf("号") + 1);
        assertThat(http().get("/api/incubators/certificates?valid=true", "stc-officer").body()).contains(certificate);
        await("certificate mail", () -> !mailTo("applicant1@parkflow.example", certificate).isEmpty());
        assertThat(http().get("/api/cases/" + number, "applicant1").body()).contains(certificate, "CERTIFICATE_ISSUED",
                "DOCUMENT_ISSUED", "认定公示", "认定证书（" + certificate + "）.pdf");
        assertThat(attachmentNames(mailTo("applicant1@parkflow.example", certificate).get(0)))
                .containsExactly("认定证书（" + certificate + "）.pdf");
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
