package cn.parkflow.security;

import cn.parkflow.engine.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Inspects JSON sent to the engine's REST APIs (/engine-rest and the webapps' /camunda/api) and
 * refuses, with 400, what the engine would mishandle:
 * <ul>
 * <li>task queries whose {@code orQueries} carry an {@code …Expression} key (CVE-2026-109432,
 *     unpatched in Camunda CE), on task and filter paths, including stored filters;</li>
 * <li>variables in Java serialization format, refused before they reach the engine;</li>
 * <li>starts by a caller who is not an admin that choose the business key, the first step or listeners to
 *     skip (403; the engine refuses them as well, see {@link CallerCommandPolicy}).</li>
 * </ul>
 */
class EngineRequestGuard extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 1 << 20;
    /** Task and filter operations (normalised path); a request outside the engine APIs is inspected too. */
    private static final Pattern TASK_QUERY_PATH = Pattern.compile("/(task|filter)(/.*)?");
    private static final Pattern START_PATH = Pattern.compile("/process-definition/(key/)?[^/]+/(start|submit-form)");
    static final String CHOOSES_HOW_TO_START =
            "发起流程时不能指定业务编号（businessKey）、起始环节或跳过监听器：案件编号和流程走向由系统决定。";
    private static final String JAVA_SERIALIZED = "application/x-java-serialized-object";
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EngineOperation.of(request).map(EngineOperation::path).orElse("");
        boolean taskQueryPath = path.isEmpty() || TASK_QUERY_PATH.matcher(path).matches();
        String queryString = request.getQueryString() == null ? null
                : URLDecoder.decode(request.getQueryString().replace("+", "%2B"), StandardCharsets.UTF_8);
        if (taskQueryPath && queryString != null && queryString.contains("orQueries")
                && queryString.toLowerCase(Locale.ROOT).contains("expression")) {
            refuseOrQueryExpression(response);
            return;
        }
        if (!isJson(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        if (body.length > MAX_INSPECTED_BODY) {
            Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "请求内容过大。");
            return;
        }
        JsonNode tree = parse(body);
        if (taskQueryPath && hasExpressionInOrQueries(tree)) {
            refuseOrQueryExpression(response);
            return;
        }
        if (tree != null && tree.findValuesAsText("serializationDataFormat").stream()
                .anyMatch(EngineRequestGuard::isJavaSerialized)) {
            Problems.write(response, HttpServletResponse.SC_BAD_REQUEST, "不接受 Java 序列化格式的变量。");
            return;
        }
        CurrentUser caller = CurrentUser.of(request);
        if (tree != null && START_PATH.matcher(path).matches() && caller != null && !caller.isAdmin()
                && choosesHowToStart(tree)) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, CHOOSES_HOW_TO_START);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** A start that names its business key, its first step or listeners to skip: the server decides those. */
    private static boolean choosesHowToStart(JsonNode start) {
        return start.path("skipCustomListeners").asBoolean(false) || start.path("skipIoMappings").asBoolean(false)
                || !start.path("businessKey").asText("").isBlank()
                || start.path("startInstructions").size() > 0;
    }

    /** However spelled: any case, surrounding space, parameters ({@code ;v=1}). */
    static boolean isJavaSerialized(String format) {
        String mediaType = format.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return mediaType.equals(JAVA_SERIALIZED);
    }

    private static boolean isJson(HttpServletRequest request) {
        String contentType = request.getContentType();
        return contentType != null && contentType.toLowerCase().contains("json");
    }

    private JsonNode parse(byte[] body) {
        try {
            return json.readTree(body);
        } catch (IOException notJson) {
            return null;
        }
    }

    /** Looks for an {@code orQueries} array at any depth (task query, filter query, extending query). */
    static boolean hasExpressionInOrQueries(JsonNode node) {
        if (node == null) {
            return false;
        }
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("orQueries") && containsExpressionKey(field.getValue())) {
                    return true;
                }
                if (hasExpressionInOrQueries(field.getValue())) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasExpressionInOrQueries(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean containsExpressionKey(JsonNode orQueries) {
        if (orQueries.isTextual()) {
            return orQueries.asText().toLowerCase(Locale.ROOT).contains("expression");
        }
        for (JsonNode query : orQueries) {
            for (Iterator<String> keys = query.fieldNames(); keys.hasNext(); ) {
                if (keys.next().toLowerCase(Locale.ROOT).endsWith("expression")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuseOrQueryExpression(HttpServletResponse response) throws IOException {
        Problems.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "任务查询的 orQueries 中不允许使用表达式（…Expression）。");
    }
}
