package cn.parkflow.security;

import cn.parkflow.department.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Blocks the webapps' first-admin setup endpoint once an administrator exists
 * (CVE-2026-77226, unpatched in Camunda CE).
 */
class SetupEndpointGuard extends OncePerRequestFilter {

    private final IdentityService identityService;

    SetupEndpointGuard(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identityService.createUserQuery().memberOfGroup(Roles.ADMINS).count() > 0) {
            Problems.write(response, HttpServletResponse.SC_FORBIDDEN, "系统已有管理员，初始化设置已关闭。");
            return;
        }
        chain.doFilter(request, response);
    }
}
