package cn.parkflow.security;

import cn.parkflow.department.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import java.util.Set;

/** The authenticated caller of our REST API and the Camunda groups it belongs to. */
public record CurrentUser(String id, Set<String> groups) {

    /** Request attribute under which {@link ApiAuthenticationFilter} stores the caller. */
    public static final String ATTRIBUTE = "parkflow.currentUser";

    public static CurrentUser of(HttpServletRequest request) {
        return (CurrentUser) request.getAttribute(ATTRIBUTE);
    }

    /** Who logged in to the webapps (Tasklist, Cockpit) on this browser session: our own pages use that login. */
    public static Optional<CurrentUser> ofWebappLogin(HttpServletRequest request) {
        return Optional.ofNullable(WebappSession.user(request, WebappSession.DEFAULT_ENGINE));
    }

    public boolean isAdmin() {
        return groups.contains(Roles.ADMINS);
    }

    public boolean isSupervisor() {
        return groups.contains(Roles.SUPERVISION);
    }

    /** Admins and supervisors may read every case. */
    public boolean readsEverything() {
        return isAdmin() || isSupervisor();
    }

    public boolean isApplicant() {
        return groups.contains(Roles.APPLICANTS);
    }

    public boolean belongsTo(String group) {
        return groups.contains(group);
    }
}
