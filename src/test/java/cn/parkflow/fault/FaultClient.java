package cn.parkflow.fault;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** HTTP as the demo users (password = user id); every call bounded. */
final class FaultClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    FaultClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> post(String path, String user, String json) throws IOException {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
    }

    /** The eight required documents and the submission of 上传申报材料, as applicant1; the first answer that is not a success. */
    int submitDocuments(String number) throws IOException {
        for (String kind : List.of("APPLICATION_FORM", "TORCH_STATISTICS", "OPERATOR_LICENCE", "SITE_PROOF",
                "INCUBATEE_LIST", "FUND_PROOF", "MANAGEMENT_RULES", "INTEGRITY_PLEDGE")) {
            String boundary = "----fault" + System.nanoTime();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind + "\r\n--"
                    + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + kind
                    + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n\r\n--" + boundary + "--\r\n";
            int status = send(request("/api/cases/" + number + "/documents", "applicant1")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))).statusCode();
            if (status != 201) {
                return status;
            }
        }
        return post("/api/incubators/applications/" + number + "/submission", "applicant1", "").statusCode();
    }

    JsonNode get(String path, String user) throws IOException {
        HttpResponse<String> answer = send(request(path, user).GET());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    Map<String, Long> businessKeys(String processKey) throws IOException {
        JsonNode list = get("/engine-rest/process-instance?processDefinitionKey=" + processKey
                + "&maxResults=100000", "admin");
        List<String> keys = new ArrayList<>();
        list.forEach(instance -> keys.add(instance.path("businessKey").asText()));
        return keys.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
    }

    /** Per business key, how many of the listed tasks or jobs (each names its instance) wait in its instance. */
    Map<String, Long> waiting(String path, String processKey) throws IOException {
        Map<String, String> keys = new HashMap<>();
        get("/engine-rest/process-instance?processDefinitionKey=" + processKey + "&maxResults=100000", "admin")
                .forEach(instance -> keys.put(instance.path("id").asText(), instance.path("businessKey").asText()));
        List<String> found = new ArrayList<>();
        get(path + "&maxResults=100000", "admin").forEach(waiting -> {
            String key = keys.get(waiting.path("processInstanceId").asText());
            if (key != null) {
                found.add(key);
            }
        });
        return found.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting()));
    }

    /** Bounded: the job executor catches up on what the crash left (e.g. the clocks' async starts). */
    void awaitJobsDone(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (get("/engine-rest/job/count?executable=true", "admin").path("count").asLong() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("executable jobs still waiting after " + timeout);
            }
            Thread.sleep(500);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private HttpRequest.Builder request(String path, String user) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }
}
