package cn.parkflow.form;

import cn.parkflow.engine.CachedBodyRequest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What a task form or a start form sends through the engine's APIs is checked before the engine
 * converts it: a body that is not JSON, a variable whose value does not fit its declared type
 * ({@code "incubateeCount": {"value": 40.7, "type": "Integer"}}) or a text that breaks
 * {@link TextRules} answers 400 naming the variable, in Chinese; the engine's own answers name
 * no variable and are English.
 */
class SubmittedVariables extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SUBMISSION = Pattern.compile(
            ".*/(task/[^/]+/(complete|submit-form|resolve)|process-definition/(key/[^/]+(/tenant-id/[^/]+)?|[^/]+)"
                    + "/(start|submit-form))/?");
    private static final Pattern WHOLE = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DATE = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?([+-]\\d{2}:?\\d{2}|Z)?");
    private static final Set<String> OPAQUE = Set.of("json", "xml", "object", "file", "bytes", "null");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.toLowerCase().contains("json")) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode tree;
        try {
            tree = body.length == 0 ? null : JSON.readTree(body);
        } catch (IOException e) {
            RefusalResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
                    "请求内容不是有效的 JSON");
            return;
        }
        String problem = tree != null && SUBMISSION.matcher(request.getRequestURI()).matches()
                ? problem(tree.path("variables")) : null;
        if (problem != null) {
            RefusalResponses.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", problem);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The first variable that does not fit its type or the text rules, as "name：why", or null. */
    static String problem(JsonNode variables) {
        for (Iterator<Map.Entry<String, JsonNode>> it = variables.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> variable = it.next();
            String name = variable.getKey();
            if (TextRules.problem(name) != null) {
                return "变量名" + TextRules.problem(name);
            }
            String why = why(variable.getValue());
            if (why != null) {
                return name + "：" + why;
            }
        }
        return null;
    }

    private static String why(JsonNode variable) {
        JsonNode value = variable.path("value");
        String type = variable.path("type").asText("").toLowerCase();
        if (value.isMissingNode() || value.isNull() || OPAQUE.contains(type)) {
            return null;
        }
        return switch (type) {
            case "" -> value.isTextual() ? TextRules.problem(value.asText()) : null;
            case "string" -> value.isTextual() ? TextRules.problem(value.asText()) : "应为文字";
            case "integer", "short", "long" -> whole(value, type);
            case "double" -> value.isNumber() || (value.isTextual() && isNumber(value.asText())) ? null : "应为数字";
            case "boolean" -> value.isBoolean() || value.asText().matches("true|false") ? null : "应为是或否";
            case "date" -> value.isTextual() && DATE.matcher(value.asText()).matches() ? null
                    : "应为日期时间（如 2026-05-01T09:00:00.000+0800）";
            default -> "不支持的变量类型（" + variable.path("type").asText() + "）";
        };
    }

    private static String whole(JsonNode value, String type) {
        long number;
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            number = value.asLong();
        } else if (value.isTextual() && WHOLE.matcher(value.asText()).matches()) {
            number = Long.parseLong(value.asText());
        } else {
            return value.isNumber() || (value.isTextual() && isNumber(value.asText())) ? "应为整数" : "应为数字";
        }
        long limit = switch (type) {
            case "short" -> Short.MAX_VALUE;
            case "integer" -> Integer.MAX_VALUE;
            default -> Long.MAX_VALUE;
        };
        return Math.abs(number) > limit ? "数值超出范围" : null;
    }

    private static boolean isNumber(String text) {
        try {
            return Double.isFinite(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
