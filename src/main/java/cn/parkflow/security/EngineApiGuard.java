package cn.parkflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Deny by default on the engine's REST APIs: a caller who is not an admin reaches only the
 * operations of its roles ({@link EngineApiAllowList}), matched on the normalised path
 * ({@link EngineOperation}). Nobody reaches them without logging in; the engine list, which the
 * webapps' login page asks for first, lists no engine to a caller who has not logged in.
 * On {@code /engine-rest} the caller comes from {@link ApiAuthenticationFilter}, on the webapps'
 * API from the webapp session.
 */
class EngineApiGuard extends OncePerRequestFilter {

    static final String REFUSED = "您的角色不能通过接口执行此操作：";
    private static final String ENGINE_LIST = "GET /engine";
    private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);

    private final EngineApiAllowList allowList;

    EngineApiGuard(EngineApiAllowList allowList) {
        this.allowList = allowList;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<EngineOperation> found;
        try {
            found = EngineOperation.of(request);
        } catch (IllegalArgumentException malformed) {
            Problems.write(response, HttpServletResponse.SC_BAD_REQUEST, malformed.getMessage());
            return;
        }
        if (found.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        EngineOperation operation = found.get();
        CurrentUser caller = caller(request, operation);
        if (caller == null && operation.api().equals(EngineOperation.WEBAPP_API) && operation.toString().equals(ENGINE_LIST)) {
            // the webapps' login asks for the engine list before it logs in: it gets no engine
            response.setContentType("application/json");
            response.getWriter().write("[]");
            return;
        }
        if (caller == null) {
            log.debug("engine API {} {}: refused, not logged in", operation.api(), operation);
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED, "需要登录后才能访问。");
            return;
        }
        boolean allowed = allowList.allows(caller, operation);
        log.debug("engine API {} {} as {} {}: {}", operation.api(), operation, caller.id(), caller.groups(),
                allowed ? "allowed" : "refused");
        if (!allowed) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, REFUSED + operation);
            return;
        }
        request.setAttribute(CurrentUser.ATTRIBUTE, caller);
        chain.doFilter(request, response);
    }

    private static CurrentUser caller(HttpServletRequest request, EngineOperation operation) {
        CurrentUser apiCaller = CurrentUser.of(request);
        if (apiCaller != null || operation.api().equals(EngineOperation.ENGINE_REST)) {
            return apiCaller;
        }
        return WebappSession.user(request, operation.engine());
    }
}
