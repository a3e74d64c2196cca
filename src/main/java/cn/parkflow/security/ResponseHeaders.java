package cn.parkflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on every answer. Pages may not be framed by another site and send no referrer
 * elsewhere; API answers (JSON and attachment downloads alike) are never cached, never sniffed as
 * another type and never run as a page. Camunda's own header filter adds its CSP to the webapps.
 */
class ResponseHeaders extends OncePerRequestFilter {

    private static final String CACHE_CONTROL = "Cache-Control";
    private static final String NO_STORE = "no-store";
    private static final String[] API_ROOTS = {"/api", "/engine-rest", "/camunda/api"};

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader("X-Frame-Options", "SAMEORIGIN");
        response.setHeader("Referrer-Policy", "same-origin");
        if (isApi(request.getRequestURI().substring(request.getContextPath().length()))) {
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'; sandbox");
            response.setHeader(CACHE_CONTROL, NO_STORE);
            response = new NeverCached(response);
        }
        chain.doFilter(request, response);
    }

    /** Keeps {@code no-store} when the REST API sets its own {@code Cache-Control: no-cache}. */
    private static final class NeverCached extends HttpServletResponseWrapper {

        NeverCached(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CACHE_CONTROL.equalsIgnoreCase(name) ? NO_STORE : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CACHE_CONTROL.equalsIgnoreCase(name)) {
                super.setHeader(name, NO_STORE);
            } else {
                super.addHeader(name, value);
            }
        }
    }

    private static boolean isApi(String rawPath) {
        String path;
        try {
            path = EngineOperation.normalise(rawPath);
        } catch (IllegalArgumentException malformed) {
            return true; // refused further on; the refusal gets the API headers
        }
        for (String root : API_ROOTS) {
            if (path.equals(root) || path.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }
}
