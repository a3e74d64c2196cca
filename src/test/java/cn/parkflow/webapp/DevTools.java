package cn.parkflow.webapp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** A minimal Chrome DevTools protocol client for one page, on the JDK's own WebSocket. */
final class DevTools implements AutoCloseable {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> consoleErrors = new CopyOnWriteArrayList<>();
    private final StringBuilder frame = new StringBuilder();

    private DevTools(HttpClient http, String webSocketUrl) {
        this.socket = http.newWebSocketBuilder().buildAsync(URI.create(webSocketUrl), new Listener()).join();
    }

    /** Attaches to the page Chromium opened at start. */
    static DevTools attach(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> targets = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        for (JsonNode target : JSON.readTree(targets.body())) {
            if ("page".equals(target.path("type").asText())) {
                return new DevTools(http, target.path("webSocketDebuggerUrl").asText());
            }
        }
        throw new IllegalStateException("Chromium has no page target: " + targets.body());
    }

    JsonNode call(String method, Map<String, ?> params) {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> result = new CompletableFuture<>();
        pending.put(id, result);
        try {
            socket.sendText(JSON.writeValueAsString(Map.of("id", id, "method", method, "params", params)), true).join();
            return result.get(CALL_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("DevTools " + method + " failed: " + e.getMessage(), e);
        } finally {
            pending.remove(id);
        }
    }

    /** Runs JavaScript in the page (awaiting a returned promise) and returns its JSON value. */
    JsonNode evaluate(String expression) {
        JsonNode reply = call("Runtime.evaluate",
                Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
        if (reply.has("exceptionDetails")) {
            throw new IllegalStateException("JavaScript failed: " + expression + "\n" + reply.get("exceptionDetails"));
        }
        return reply.path("result").path("value");
    }

    void navigate(String url) {
        call("Page.navigate", Map.of("url", url));
    }

    /** Polls a JavaScript condition until it is true; the page works asynchronously. */
    void waitFor(String what, String condition, Duration timeout) {
        waitUntil(what, () -> {
            try {
                return evaluate("!!(" + condition + ")").asBoolean();
            } catch (IllegalStateException notYet) {
                return false;
            }
        }, timeout);
    }

    void waitUntil(String what, Supplier<Boolean> condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.get()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out after " + timeout + " waiting for " + what
                        + "; page " + evaluate("location.href").asText() + "; console errors: " + consoleErrors);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    void screenshot(Path file) throws IOException {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }

    private void dispatch(String text) throws IOException {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
            CompletableFuture<JsonNode> result = pending.get(message.get("id").asInt());
            if (result == null) {
                return;
            }
            if (message.has("error")) {
                result.completeExceptionally(new IllegalStateException(message.get("error").toString()));
            } else {
                result.complete(message.path("result"));
            }
        } else if ("Runtime.exceptionThrown".equals(message.path("method").asText())) {
            consoleErrors.add(message.path("params").path("exceptionDetails").toString());
        } else if ("Runtime.consoleAPICalled".equals(message.path("method").asText())
                && "error".equals(message.path("params").path("type").asText())) {
            consoleErrors.add(message.path("params").path("args").toString());
        }
    }

    private final class Listener implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            frame.append(data);
            if (last) {
                String text = frame.toString();
                frame.setLength(0);
                try {
                    dispatch(text);
                } catch (IOException e) {
                    consoleErrors.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            webSocket.request(1);
            return null;
        }
    }
}
