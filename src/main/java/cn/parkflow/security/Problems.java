package cn.parkflow.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/**
 * Writes an RFC 9457 problem detail from a servlet filter, where no controller advice runs; the
 * detail is repeated as {@code message}, the field the Camunda webapps show.
 */
final class Problems {

    private Problems() {
    }

    static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String title = HttpStatus.valueOf(status).getReasonPhrase();
        String quoted = "\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        // "message" too: Tasklist and Cockpit show an engine error's message, so the refusal reads in Chinese there
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":" + quoted + ",\"message\":" + quoted + "}");
    }
}
