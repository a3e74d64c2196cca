package cn.parkflow.support;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A user logged in to the webapps as the browser does it: session cookie and CSRF token. */
public final class WebappSession {

    private final Http http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrfToken;

    private WebappSession(Http http) {
        this.http = http;
    }

    /** Logs in to {@code app} (tasklist, cockpit, admin) with the demo password; null user = not logged in. */
    public static WebappSession login(Http http, String app, String user) {
        WebappSession session = new WebappSession(http);
        session.remember(http.send(http.request("/camunda/app/tasklist/", null).GET()));
        if (user != null) {
            HttpResponse<String> login = http.send(session.request("/camunda/api/admin/auth/user/default/login/" + app)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + user)));
            if (login.statusCode() != 200) {
                throw new AssertionError("webapp login of " + user + " to " + app + ": " + login.statusCode());
            }
            session.remember(login);
            // the login began a new session: load a page of it, as the browser does, for its CSRF token
            session.remember(http.send(session.request("/camunda/app/tasklist/").GET()));
        }
        return session;
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = requestWithoutCsrfToken(path);
        return csrfToken == null ? builder : builder.header("X-XSRF-TOKEN", csrfToken);
    }

    /** The session's cookies only, as a forged cross-site request would carry them. */
    public HttpRequest.Builder requestWithoutCsrfToken(String path) {
        return http.request(path, null)
                .header("Cookie", String.join("; ", cookies.entrySet().stream()
                        .map(cookie -> cookie.getKey() + "=" + cookie.getValue()).toList()));
    }

    public HttpResponse<String> get(String path) {
        return http.send(request(path).GET());
    }

    public HttpResponse<String> postJson(String path, String json) {
        return http.send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private void remember(HttpResponse<String> response) {
        List<String> setCookies = response.headers().allValues("Set-Cookie");
        for (String value : setCookies) {
            String pair = value.substring(0, value.indexOf(';') < 0 ? value.length() : value.indexOf(';'));
            int equals = pair.indexOf('=');
            cookies.put(pair.substring(0, equals), pair.substring(equals + 1));
        }
        // the token of the current session: a login starts a new session with a new token
        response.headers().firstValue("X-XSRF-TOKEN").or(() -> Optional.ofNullable(cookies.get("XSRF-TOKEN")))
                .ifPresent(token -> csrfToken = token);
    }
}
