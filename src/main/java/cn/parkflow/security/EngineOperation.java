package cn.parkflow.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The engine REST operation a request reaches, as Jersey will route it: method and path below
 * the API root, whichever of the two roots ({@code /engine-rest}, the webapps'
 * {@code /camunda/api/engine}) and engine prefix ({@code /engine/default}) was used. Matrix
 * parameters, {@code //}, {@code .} and {@code ..} segments, percent-encoding and trailing slashes
 * are removed first, so a guard that matches this path sees what the REST API will serve.
 *
 * @param api    {@code /engine-rest} or {@code /camunda/api/engine}
 * @param engine the engine named in the path, {@code default} when none is
 * @param method HTTP method, HEAD counted as GET
 * @param path   the operation path, e.g. {@code /task/abc/complete}; {@code /engine} lists engines
 */
record EngineOperation(String api, String engine, String method, String path) {

    static final String ENGINE_REST = "/engine-rest";
    static final String WEBAPP_API = "/camunda/api/engine";

    /** The operation, or empty when the request is not for an engine REST API. */
    static Optional<EngineOperation> of(HttpServletRequest request) {
        String path = normalise(request.getRequestURI().substring(request.getContextPath().length()));
        String method = request.getMethod().equals("HEAD") ? "GET" : request.getMethod();
        for (String api : new String[] {ENGINE_REST, WEBAPP_API}) {
            if (path.equals(api) || path.startsWith(api + "/")) {
                return Optional.of(below(api, method, path.substring(api.length())));
            }
        }
        return Optional.empty();
    }

    private static EngineOperation below(String api, String method, String rest) {
        String[] segments = rest.split("/", 4); // "", "engine", name, rest
        if (segments.length >= 3 && segments[1].equals("engine")) {
            return new EngineOperation(api, segments[2], method, segments.length == 4 ? "/" + segments[3] : "/");
        }
        return new EngineOperation(api, "default", method, rest.isEmpty() ? "/" : rest);
    }

    /**
     * Decodes and normalises a raw request path. A segment that still holds {@code %}, {@code /},
     * {@code \} or {@code ;} after decoding was encoded twice or hides a separator: refused.
     *
     * @throws IllegalArgumentException for such a path
     */
    static String normalise(String rawPath) {
        Deque<String> segments = new ArrayDeque<>();
        for (String raw : rawPath.split("/")) {
            int matrix = raw.indexOf(';');
            String segment = decode(matrix >= 0 ? raw.substring(0, matrix) : raw);
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                segments.pollLast();
            } else {
                segments.addLast(segment);
            }
        }
        return "/" + String.join("/", segments);
    }

    private static String decode(String segment) {
        String decoded;
        try {
            decoded = java.net.URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            throw new IllegalArgumentException("请求路径的编码不正确。");
        }
        if (decoded.contains("%") || decoded.contains("/") || decoded.contains("\\") || decoded.contains(";")) {
            throw new IllegalArgumentException("请求路径含有不允许的字符。");
        }
        return decoded;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
