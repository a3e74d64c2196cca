package cn.parkflow.ipcase;

import cn.parkflow.support.MailingApplicationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The application on PostgreSQL with GreenMail for the IP case's HTTP tests (one shared context):
 * submitting, Tasklist's task API as the real users, waiting for the job executor and the mail relay.
 */
abstract class IpApplicationTest extends MailingApplicationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    String submit(String user, Map<String, Object> request) throws Exception {
        HttpResponse<String> response = http().postJson("/api/ip-cases", user, JSON.writeValueAsString(request));
        if (response.statusCode() != 201) {
            throw new AssertionError("POST /api/ip-cases as " + user + ": " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).path("caseNumber").asText();
    }

    /** The applicant (or the workstation for a walk-in) uploads the proof of the right the acceptance needs. */
    void uploadRightCertificate(String user, String number) {
        HttpResponse<String> uploaded = http().postFile("/api/cases/" + number + "/documents", user, "kind",
                "RIGHT_CERTIFICATE", "注册证书.pdf", "application/pdf", "%PDF-1.7\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        if (uploaded.statusCode() != 201) {
            throw new AssertionError("upload as " + user + ": " + uploaded.body());
        }
    }

    /** As Tasklist does: find the task the user may see, claim it, submit the form. */
    void completeAs(String user, String number, String taskKey, Map<String, Object> values) throws Exception {
        String taskId = waitForTask(number, taskKey, user);
        HttpResponse<String> claimed = http().postJson("/engine-rest/task/" + taskId + "/claim", user,
                "{\"userId\":\"" + user + "\"}");
        if (claimed.statusCode() != 204) {
            throw new AssertionError("claim " + taskKey + " as " + user + ": " + claimed.body());
        }
        StringBuilder variables = new StringBuilder("{\"variables\":{");
        values.forEach((key, value) -> variables.append('"').append(key).append("\":{\"value\":")
                .append(value instanceof String ? "\"" + value + "\"" : value).append("},"));
        variables.setCharAt(variables.length() - 1, '}');
        variables.append('}');
        HttpResponse<String> submitted = http().postJson("/engine-rest/task/" + taskId + "/submit-form", user,
                variables.toString());
        if (submitted.statusCode() != 204) {
            throw new AssertionError(taskKey + " by " + user + ": " + submitted.body());
        }
    }
}
