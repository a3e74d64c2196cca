package cn.parkflow.form;

import cn.parkflow.engine.TaskTakenException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST APIs answer a refused submission with 500 and a message such as
 * {@code Cannot submit task form …: ENGINE-03051 There was an exception while invoking the
 * TaskListener … '形式审查未能提交：补正要求：必填。'}, which Tasklist shows as it is. This filter
 * turns such an answer into 400 with only the Chinese sentence, for submissions on
 * {@code /engine-rest} and the webapps' {@code /camunda/api}; a completion that lost to another
 * (optimistic locking, "ENGINE-03005 … updated by another transaction concurrently") answers 409
 * with {@link TaskTakenException#MESSAGE}; a lost database connection 503; the REST API's own
 * English 415 a Chinese one. Every method passes through, since an outage hits reads too.
 */
class RefusalResponses extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = LoggerFactory.getLogger(RefusalResponses.class);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        String body = buffered.getStatus() >= 400
                ? new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8) : null;
        String sentence = SubmissionRefused.in(body);
        if (sentence != null) {
            LOG.info("提交未被接受（400）：{} {}", request.getMethod(), sentence);
            answer(buffered, HttpServletResponse.SC_BAD_REQUEST, SubmissionRefused.class.getSimpleName(), sentence);
        } else if (isConflict(body)) {
            answer(buffered, HttpServletResponse.SC_CONFLICT, TaskTakenException.class.getSimpleName(),
                    TaskTakenException.MESSAGE);
        } else if (buffered.getStatus() >= 500 && isOutage(body)) {
            answer(buffered, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "ServiceUnavailable", "数据库暂时不可用，请稍后重试");
        } else if (buffered.getStatus() == HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE) {
            answer(buffered, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE, "NotSupportedException",
                    "Content-Type：请求内容应为 JSON（application/json）");
        } else {
            buffered.copyBodyToResponse();
        }
    }

    /** A completion that lost to another one the engine could not rerun, e.g. the same task twice. */
    static boolean isConflict(String body) {
        return body != null && (body.contains(TaskTakenException.MESSAGE) || body.contains("OptimisticLockingException")
                || body.contains("ENGINE-03005"));
    }

    /** The engine's REST API wraps a lost database connection in its message (PostgreSQL, Hikari, JDBC). */
    static boolean isOutage(String body) {
        return body != null && (body.contains("Connection refused") || body.contains("Connection is not available")
                || body.contains("I/O error occurred while sending to the backend")
                || body.contains("This connection has been closed") || body.contains("terminating connection due to administrator command"));
    }

    /** Camunda's error shape ({@code type}, {@code message}: Tasklist shows the message), as a problem detail too. */
    static void answer(ContentCachingResponseWrapper buffered, int status, String type, String message)
            throws IOException {
        buffered.resetBuffer();
        write((HttpServletResponse) buffered.getResponse(), status, type, message);
    }

    static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("type", type);
        answer.put("message", message);
        answer.put("status", status);
        answer.put("detail", message);
        // the REST API has opened the output stream already, so no writer
        response.getOutputStream().write(JSON.writeValueAsBytes(answer));
    }
}
