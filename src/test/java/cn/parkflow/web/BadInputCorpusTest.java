package cn.parkflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.incubator.ApplicationFixture;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.PostgresTestServer;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The corpus of bad inputs ({@code bad-inputs.json}, one entry per input: the write path, what is
 * wrong, the expected status and the field the answer must name), across every write path: our
 * API's JSON, the start forms and a task form through the engine's REST API, uploads. Each must be
 * refused with its status, in Chinese, naming its field, with no engine internals, and store nothing.
 */
class BadInputCorpusTest extends PostgresApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Sends every non-ASCII character escaped, so a lone surrogate reaches the server as sent. */
    private static final ObjectMapper ESCAPING = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

    private static String task;
    private static String caseNumber;

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ManagementService management;

    static Stream<Arguments> corpus() throws IOException {
        try (InputStream in = BadInputCorpusTest.class.getResourceAsStream("bad-inputs.json")) {
            List<Arguments> entries = new ArrayList<>();
            JSON.readTree(in).forEach(entry -> entries.add(Arguments.of(
                    entry.path("id").asInt() + " " + entry.path("path").asText() + " " + entry.path("description").asText(),
                    entry)));
            return entries.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void shouldRefuseInChineseNamingTheFieldAndStoreNothing(String name, JsonNode entry) throws IOException {
        String target = target(entry);
        awaitNoDueJobs();
        long[] before = stored();

        HttpResponse<String> answer = send(entry, target);

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(entry.path("status").asInt());
        assertThat(answer.body()).as("names the field").contains(entry.path("field").asText());
        assertThat(answer.body()).as("in Chinese").containsPattern("\\p{IsHan}");
        assertThat(answer.body()).as("no engine internals").doesNotContain("ENGINE-", "Cannot ", "java.", "at org.");
        assertThat(stored()).as("nothing stored (cases, instances, documents, task variables)").isEqualTo(before);
    }

    @Test
    void shouldStoreAnUploadedFileNameInNfc() throws IOException {
        ObjectNode upload = JSON.createObjectNode().put("kind", "APPLICATION_FORM").put("fileName", "Cafe\u0301 申报书.pdf")
                .put("fileType", "application/pdf").put("content", "%PDF-1.7\n");

        HttpResponse<String> stored = upload(upload, caseNumber());

        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(201);
        assertThat(JSON.readTree(stored.body()).path("fileName").asText()).isEqualTo("Caf\u00e9 申报书.pdf");
        assertThat(PostgresTestServer.shared().query("SELECT file_name FROM case_document WHERE id = "
                + JSON.readTree(stored.body()).path("id").asLong())).isEqualTo("Caf\u00e9 申报书.pdf");
    }

    /**
     * The shared database also holds other classes' cases, whose due jobs (e.g. a notice that issues
     * its document) the job executor may run at any moment: counting starts once none is due.
     */
    private void awaitNoDueJobs() {
        for (int i = 0; i < 600 && management.createJobQuery().executable().count() > 0; i++) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // the job executor runs on its own threads
        }
    }

    /** The task or case an entry needs, made before counting what is stored. */
    private String target(JsonNode entry) throws IOException {
        return switch (entry.path("path").asText()) {
            case "task-form" -> task();
            case "upload" -> caseNumber();
            default -> null;
        };
    }

    private HttpResponse<String> send(JsonNode entry, String target) throws IOException {
        String contentType = entry.path("contentType").asText("application/json");
        return switch (entry.path("path").asText()) {
            case "api-application" -> post("/api/incubators/applications", "applicant1", contentType,
                    entry.has("raw") ? entry.path("raw").asText() : ESCAPING.writeValueAsString(apply(application(), entry)));
            case "engine-start" -> post("/engine-rest/process-definition/key/incubator-certification/submit-form",
                    "applicant1", contentType, variables(application(), entry));
            case "fixture-start" -> post("/engine-rest/process-definition/key/foundation-fixture/submit-form",
                    "applicant1", contentType, variables(JSON.createObjectNode().put("topic", "incubator"), entry));
            case "task-form" -> post("/engine-rest/task/" + target + "/submit-form", "stc-officer", contentType,
                    variables(JSON.createObjectNode().put("opinion", "同意"), entry));
            case "upload" -> upload(entry.path("upload"), target);
            default -> throw new IllegalArgumentException("unknown path " + entry.path("path"));
        };
    }

    private static ObjectNode application() {
        return JSON.valueToTree(ApplicationFixture.qualifying("91310112MA1GC0000"));
    }

    private static ObjectNode apply(ObjectNode body, JsonNode entry) {
        entry.path("remove").forEach(key -> body.remove(key.asText()));
        entry.path("set").fields().forEachRemaining(field -> body.set(field.getKey(), field.getValue()));
        return body;
    }

    /** As Tasklist sends a form: each value untyped; an entry may send typed values too. */
    private static String variables(ObjectNode values, JsonNode entry) throws IOException {
        if (entry.has("raw")) {
            return entry.path("raw").asText();
        }
        ObjectNode variables = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = apply(values, entry).fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> value = it.next();
            variables.putObject(value.getKey()).set("value", value.getValue());
        }
        entry.path("typed").fields().forEachRemaining(typed -> variables.set(typed.getKey(), typed.getValue()));
        ObjectNode body = JSON.createObjectNode();
        body.set("variables", variables);
        return ESCAPING.writeValueAsString(body);
    }

    private HttpResponse<String> post(String path, String user, String contentType, String body) {
        return http().send(http().request(path, user).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    private HttpResponse<String> upload(JsonNode upload, String number) {
        String path = "/api/cases/" + number + "/documents";
        if (upload.path("json").asBoolean()) {
            return post(path, "applicant1", "application/json", "{\"kind\":\"APPLICATION_FORM\"}");
        }
        String boundary = "----corpus" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + upload.path("kind").asText() + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
        if (!upload.path("noFile").asBoolean()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + upload.path("fileName").asText() + "\"\r\nContent-Type: " + upload.path("fileType").asText()
                    + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            byte[] content = upload.path("content").asText().getBytes(StandardCharsets.UTF_8);
            body.writeBytes(content);
            int pad = upload.path("padToBytes").asInt(0) - content.length;
            if (pad > 0) {
                body.writeBytes(new byte[pad]);
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http().send(http().request(path, "applicant1")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    /** One open task of the kernel's fixture; a refused submission leaves it open for the next entry. */
    private String task() {
        if (task == null) {
            String instance = runtime.startProcessInstanceByKey("foundation-fixture", "CORPUS-" + System.nanoTime(),
                    Map.of("topic", "incubator")).getId();
            task = tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
        }
        return task;
    }

    /** One case of applicant1's for the uploads, from a good application. */
    private String caseNumber() throws IOException {
        if (caseNumber == null) {
            HttpResponse<String> created = post("/api/incubators/applications", "applicant1", "application/json",
                    JSON.writeValueAsString(ApplicationFixture.qualifying("91310112MA1GD0000")));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            String number = JSON.readTree(created.body()).path("caseNumber").asText();
            awaitUploadStep(number);
            caseNumber = number;
        }
        return caseNumber;
    }

    /** The case waits for its applicant's 上传申报材料 (the uploads' step): counted before the entries, not during one. */
    private void awaitUploadStep(String number) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey("Task_UploadApplicationDocuments").count() == 0) {
            assertThat(System.nanoTime()).as("the upload step of " + number + " opened").isLessThan(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long[] stored() {
        PostgresTestServer db = PostgresTestServer.shared();
        return new long[] {
                Long.parseLong(db.query("SELECT COUNT(*) FROM case_record")),
                Long.parseLong(db.query("SELECT COUNT(*) FROM act_hi_procinst")),
                Long.parseLong(db.query("SELECT COUNT(*) FROM case_document")),
                Long.parseLong(db.query("SELECT COUNT(*) FROM act_ru_variable WHERE name_ = 'opinion'"))};
    }
}
