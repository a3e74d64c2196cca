package cn.parkflow.ipcase;

import cn.parkflow.support.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL with GreenMail for the IP case's HTTP tests (one shared context):
 * submitting, Tasklist's task API as the real users, waiting for the job executor and the mail relay.
 */
abstract class IpApplicationTest extends PostgresApplicationTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("parkflow.notification.relay.poll-interval", () -> "200ms");
        registry.add("parkflow.notification.relay.initial-backoff", () -> "200ms");
        registry.add("parkflow.notification.relay.max-backoff", () -> "1s");
    }

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

    /** The first unassigned or own task of this kind the user sees, once the job executor has got there. */
    String waitForTask(String number, String taskKey, String user) {
        String[] id = new String[1];
        await(taskKey + " for " + user, () -> {
            try {
                JsonNode tasks = JSON.readTree(http().get("/engine-rest/task?processInstanceBusinessKey=" + number
                        + "&taskDefinitionKey=" + taskKey, user).body());
                for (JsonNode task : tasks) {
                    if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
                        id[0] = task.path("id").asText();
                        return true;
                    }
                }
                return false;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        return id[0];
    }

    /** Waits up to 60 s for asynchronous work (job executor, mail relay), polling every 200 ms. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Mail to {@code address} that mentions {@code text} in its subject or body. */
    static List<MimeMessage> mailTo(String address, String text) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .filter(message -> (subject(message) + body(message)).contains(text))
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
