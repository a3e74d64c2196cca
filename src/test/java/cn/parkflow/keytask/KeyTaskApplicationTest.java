package cn.parkflow.keytask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.MailingApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** The application on PostgreSQL with GreenMail, for the key-task's HTTP tests; one context for them all. */
abstract class KeyTaskApplicationTest extends MailingApplicationTest {

    static final ObjectMapper JSON = new ObjectMapper();

    protected static List<MimeMessage> mailTo(String address, String text) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> to.toString().contains(address))
                        && (message.getSubject().contains(text) || text(message).contains(text));
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /**
     * Mail to {@code address} about the case {@code caseNumber} that mentions {@code text}: the other
     * classes of the JVM mail the same departments (one GreenMail for them all).
     */
    protected static List<MimeMessage> mailTo(String address, String caseNumber, String text) {
        return mailTo(address, caseNumber).stream().filter(message -> {
            try {
                return message.getSubject().contains(text) || text(message).contains(text);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }

    /** The plain text of a mail (the text part of a multipart one). */
    static String text(jakarta.mail.Part part) {
        try {
            Object content = part.getContent();
            if (content instanceof jakarta.mail.Multipart multipart) {
                StringBuilder all = new StringBuilder();
                for (int i = 0; i < multipart.getCount(); i++) {
                    all.append(text(multipart.getBodyPart(i)));
                }
                return all.toString();
            }
            return part.isMimeType("text/plain") ? String.valueOf(content) : "";
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(response.body(), e);
        }
    }

    /** As Tasklist does: the user's visible task of this kind in the case, claimed and submitted. */
    void completeAs(String user, String businessKey, String taskKey, Map<String, Object> values) throws Exception {
        String[] id = new String[1];
        HttpResponse<String> claimed = null;
        for (int attempt = 0; attempt < 5 && (claimed == null || claimed.statusCode() == 409); attempt++) {
            if (claimed != null) {
                Thread.sleep(300); // the job executor changed the task meanwhile: look it up again, as Tasklist would
            }
            find(user, businessKey, taskKey, id);
            claimed = retried(() -> http().postJson("/engine-rest/task/" + id[0] + "/claim", user,
                    "{\"userId\":\"" + user + "\"}"));
        }
        assertThat(claimed.statusCode()).as("claim " + taskKey + " as " + user + ": " + claimed.body()).isEqualTo(204);
        String body = variables(values);
        HttpResponse<String> submitted = retried(() -> http().postJson("/engine-rest/task/" + id[0] + "/submit-form",
                user, body));
        assertThat(submitted.statusCode()).as(taskKey + " by " + user + ": " + submitted.body()).isEqualTo(204);
    }

    private void find(String user, String businessKey, String taskKey, String[] id) {
        await(taskKey + " for " + user, () -> {
            JsonNode tasks = json(http().get("/engine-rest/task?processInstanceBusinessKey=" + businessKey
                    + "&taskDefinitionKey=" + taskKey, user));
            for (JsonNode task : tasks) {
                if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
                    id[0] = task.path("id").asText();
                    return true;
                }
            }
            return false;
        });
    }

    /** The job executor works on the same case meanwhile; as a Tasklist user would, try again after a conflict. */
    static HttpResponse<String> retried(java.util.function.Supplier<HttpResponse<String>> call) throws InterruptedException {
        HttpResponse<String> response = call.get();
        for (int attempt = 1; attempt < 5 && response.body().contains("OptimisticLockingException"); attempt++) {
            Thread.sleep(300);
            response = call.get();
        }
        return response;
    }

    static String variables(Map<String, Object> values) throws Exception {
        StringBuilder body = new StringBuilder("{\"variables\":{");
        for (var entry : values.entrySet()) {
            body.append(JSON.writeValueAsString(entry.getKey())).append(":{\"value\":")
                    .append(JSON.writeValueAsString(entry.getValue())).append("},");
        }
        body.setCharAt(body.length() - 1, '}');
        return body.append('}').toString();
    }
}
