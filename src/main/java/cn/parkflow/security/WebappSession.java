package cn.parkflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Set;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;

/**
 * Who logged in to the webapps (Tasklist, Cockpit) on this browser session, so that our API and
 * the webapps' plugins work with the same login, and whether a changing request carries the
 * session's CSRF token, as Camunda's own API demands of it.
 */
final class WebappSession {

    static final String DEFAULT_ENGINE = "default";

    private WebappSession() {
    }

    /** The user logged in to {@code engine} on this request's session, or null. */
    static CurrentUser user(HttpServletRequest request, String engine) {
        HttpSession session = request.getSession(false);
        Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
        Authentication authentication = authentications == null ? null
                : authentications.getAuthenticationForProcessEngine(engine);
        if (authentication instanceof UserAuthentication user) {
            return new CurrentUser(user.getIdentityId(),
                    user.getGroupIds() == null ? Set.of() : Set.copyOf(user.getGroupIds()));
        }
        return null;
    }

    /** Reading needs no token; anything else must send back the token the webapps got for this session. */
    static boolean carriesCsrfToken(HttpServletRequest request) {
        if (Set.of("GET", "HEAD", "OPTIONS").contains(request.getMethod())) {
            return true;
        }
        HttpSession session = request.getSession(false);
        Object expected = session == null ? null : session.getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
        return expected != null && expected.equals(request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME));
    }
}
