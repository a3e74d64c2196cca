package cn.parkflow.form;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * The engine's REST APIs answer a refused submission with 500 and a message such as
 * {@code Cannot submit task form …: ENGINE-03051 There was an exception while invoking the
 * TaskListener … '形式审查未能提交：补正要求：必填。'}, which Tasklist shows as it is. This filter
 * turns such an answer into 400 with only the Chinese sentence, for submissions (POST) on
 * {@code /engine-rest} and the webapps' {@code /camunda/api}.
 */
class RefusalResponses extends OncePerRequestFilter {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, buffered);
        String sentence = buffered.getStatus() >= 400
                ? SubmissionRefused.in(new String(buffered.getContentAsByteArray(), StandardCharsets.UTF_8)) : null;
        if (sentence == null) {
            buffered.copyBodyToResponse();
            return;
        }
        buffered.resetBuffer();
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // the REST API has opened the output stream already, so no writer
        response.getOutputStream().write(JSON.writeValueAsBytes(
                Map.of("type", SubmissionRefused.class.getSimpleName(), "message", sentence)));
    }
}
