package cn.parkflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses task queries whose {@code orQueries} carry an {@code …Expression} key
 * (CVE-2026-109432, unpatched in Camunda CE): on every task and filter path of /engine-rest and of
 * the webapps' own API, in query parameters and in JSON bodies, including stored filters.
 */
class TaskQueryExpressionGuard extends OncePerRequestFilter {

    private static final int MAX_INSPECTED_BODY = 1 << 20;
    private final ObjectMapper json = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.contains("/task") || path.contains("/filter"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasExpressionInOrQueryParameter(request)) {
            refuse(response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_INSPECTED_BODY + 1);
        if (body.length > MAX_INSPECTED_BODY) {
            Problems.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "查询内容过大。");
            return;
        }
        if (body.length > 0 && hasExpressionInOrQueries(parse(body))) {
            refuse(response);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean hasExpressionInOrQueryParameter(HttpServletRequest request) {
        String[] values = request.getParameterMap().get("orQueries");
        if (values == null) {
            return false;
        }
        for (String value : values) {
            if (value.contains("Expression")) {
                return true;
            }
        }
        return false;
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
            return orQueries.asText().contains("Expression");
        }
        for (JsonNode query : orQueries) {
            for (Iterator<String> keys = query.fieldNames(); keys.hasNext(); ) {
                if (keys.next().endsWith("Expression")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        Problems.write(response, HttpServletResponse.SC_BAD_REQUEST,
                "任务查询的 orQueries 中不允许使用表达式（…Expression）。");
    }

    /** Hands the already-read body on to the REST API. */
    private static final class CachedBodyRequest extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBodyRequest(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("synchronous body only");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String encoding = getCharacterEncoding() == null ? StandardCharsets.UTF_8.name() : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
        }
    }
}
