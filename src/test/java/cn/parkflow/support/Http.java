package cn.parkflow.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A plain HTTP client against the running application, as a user would call it. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    public Http(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    /** Demo users' password is their user id. */
    public static String basic(String user) {
        return basic(user, user);
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> get(String path, String user) {
        return send(request(path, user).GET());
    }

    /**
     * The id of the first task of this kind in the case that the user sees in {@code /engine-rest} and
     * may take (unassigned, or already his), as Tasklist would show it; null while there is none.
     */
    public String openTask(String caseNumber, String taskKey, String user) {
        try {
            for (JsonNode task : JSON.readTree(get("/engine-rest/task?processInstanceBusinessKey=" + caseNumber
                    + "&taskDefinitionKey=" + taskKey, user).body())) {
                if (task.path("assignee").isNull() || user.equals(task.path("assignee").asText())) {
                    return task.path("id").asText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpResponse<String> postJson(String path, String user, String json) {
        return send(request(path, user).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form upload as a browser sends it: one text field and one file. */
    public HttpResponse<String> postFile(String path, String user, String field, String value, String fileName,
                                         String type, byte[] content) {
        String boundary = "----parkflow" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"\r\n\r\n"
                + value + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(request(path, user).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A download: the body as bytes (a PDF does not survive a round trip through a String). */
    public HttpResponse<byte[]> getBytes(String path, String user) {
        try {
            return client.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The id of the task filter named {@code name} among those the user sees (Tasklist's list); null if none. */
    public String taskFilterId(String name, String user) {
        try {
            for (JsonNode filter : JSON.readTree(get("/engine-rest/filter?resourceType=Task", user).body())) {
                if (name.equals(filter.path("name").asText())) {
                    return filter.path("id").asText();
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public HttpRequest.Builder request(String path, String user) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (user != null) {
            builder.header("Authorization", basic(user));
        }
        return builder;
    }
}
