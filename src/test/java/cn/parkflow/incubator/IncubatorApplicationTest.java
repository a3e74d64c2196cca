package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.MailingApplicationTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * The application on PostgreSQL with a real SMTP server (GreenMail) for the incubator's HTTP tests;
 * one Spring context shared by the incubator's application tests.
 */
abstract class IncubatorApplicationTest extends MailingApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As Tasklist does: find the task the user may see, claim it, submit the form. */
    protected void completeAs(String user, String number, String taskKey, Map<String, Object> values) throws Exception {
        String taskId = waitForTask(number, taskKey, user);
        HttpResponse<String> claimed = http().postJson("/engine-rest/task/" + taskId + "/claim", user,
                "{\"userId\":\"" + user + "\"}");
        assertThat(claimed.statusCode()).as("claim " + taskKey + " as " + user + ": " + claimed.body()).isEqualTo(204);
        StringBuilder variables = new StringBuilder("{\"variables\":{");
        values.forEach((key, value) -> variables.append('"').append(key).append("\":{\"value\":")
                .append(value instanceof String ? "\"" + value + "\"" : value).append("},"));
        variables.setCharAt(variables.length() - 1, '}');
        variables.append('}');
        HttpResponse<String> submitted = http().postJson("/engine-rest/task/" + taskId + "/submit-form", user,
                variables.toString());
        assertThat(submitted.statusCode()).as(taskKey + " by " + user + ": " + submitted.body()).isEqualTo(204);
    }
}
