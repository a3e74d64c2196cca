package cn.parkflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authentication of our own API: HTTP Basic against Camunda's identity service (which also
 * throttles repeated failures), or the webapps' login session (Tasklist, Cockpit and their plugins),
 * whose changing requests must carry the session's CSRF token. While the request runs, the engine sees the caller as the
 * authenticated user, so engine calls made for it are authorization-checked.
 */
class ApiAuthenticationFilter extends OncePerRequestFilter {

    private final IdentityService identityService;
    private final VerifiedIdentities verified;
    private final boolean adminsOnly;

    ApiAuthenticationFilter(IdentityService identityService, VerifiedIdentities verified, boolean adminsOnly) {
        this.identityService = identityService;
        this.verified = verified;
        this.adminsOnly = adminsOnly;
    }

    /** The health probe stays open (without details) for load balancers. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String credentials = request.getHeader("Authorization");
        CurrentUser user = credentials != null ? authenticate(credentials)
                : WebappSession.user(request, WebappSession.DEFAULT_ENGINE);
        if (user == null) {
            if (credentials != null) { // a client that sends credentials may try again; a browser gets no password box
                response.setHeader("WWW-Authenticate", "Basic realm=\"parkflow\", charset=\"UTF-8\"");
            }
            Problems.write(response, HttpServletResponse.SC_UNAUTHORIZED,
                    "需要登录：请先登录任务中心，或使用用户名和密码（HTTP Basic）访问。");
            return;
        }
        if (credentials == null && !WebappSession.carriesCsrfToken(request)) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "请求缺少安全令牌（X-XSRF-TOKEN），请刷新页面后重试。");
            return;
        }
        if (adminsOnly && !user.isAdmin()) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "仅系统管理员可以访问。");
            return;
        }
        request.setAttribute(CurrentUser.ATTRIBUTE, user);
        identityService.setAuthentication(user.id(), user.groups().stream().toList());
        try {
            chain.doFilter(request, response);
        } finally {
            identityService.clearAuthentication();
        }
    }

    private CurrentUser authenticate(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return null;
        }
        String userId = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return verified.verified(userId, password, () -> check(userId, password));
    }

    /** The password checked by the identity service (which throttles failures), then the user's groups. */
    private CurrentUser check(String userId, String password) {
        if (!identityService.checkPassword(userId, password)) {
            return null;
        }
        Set<String> groups = new HashSet<>();
        identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).forEach(groups::add);
        return new CurrentUser(userId, Set.copyOf(groups));
    }

}
