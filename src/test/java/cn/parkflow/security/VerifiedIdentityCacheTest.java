package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpResponse;
import java.util.Date;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * HTTP Basic callers' verified identities are reused for a few seconds, yet a password or group
 * changed through the engine's identity service takes effect on the next request.
 */
class VerifiedIdentityCacheTest extends PostgresApplicationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    VerifiedIdentities verifiedIdentities;

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldRefuseTheOldPasswordAtOnceWhenItIsChanged() {
        createUser("cache-probe-password", "first-pass");
        assertThat(profile("cache-probe-password", "first-pass").statusCode()).isEqualTo(200);
        assertThat(verifiedIdentities.size()).as("the success is kept").isPositive();

        User user = identityService.createUserQuery().userId("cache-probe-password").singleResult();
        user.setPassword("second-pass");
        identityService.saveUser(user);

        assertThat(verifiedIdentities.size()).as("forgotten with the change, not after the TTL").isZero();
        assertThat(profile("cache-probe-password", "first-pass").statusCode()).isEqualTo(401);
        ClockUtil.setCurrentTime(new Date(System.currentTimeMillis() + 10_000)); // past the failed login's delay
        assertThat(profile("cache-probe-password", "second-pass").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldSeeAChangedGroupAtOnce() {
        createUser("cache-probe-group", "probe-pass");
        assertThat(metrics("cache-probe-group").statusCode()).as("no admin group: no metrics").isEqualTo(403);

        identityService.createMembership("cache-probe-group", "camunda-admin");
        assertThat(verifiedIdentities.size()).as("forgotten with the change, not after the TTL").isZero();
        HttpResponse<String> asAdmin = metrics("cache-probe-group");
        identityService.deleteMembership("cache-probe-group", "camunda-admin");
        HttpResponse<String> again = metrics("cache-probe-group");

        assertThat(asAdmin.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> profile(String user, String password) {
        Http http = http();
        return http.send(http.request("/engine-rest/user/" + user + "/profile", null)
                .header("Authorization", Http.basic(user, password)).GET());
    }

    private HttpResponse<String> metrics(String user) {
        Http http = http();
        return http.send(http.request("/actuator/metrics", null).header("Authorization", Http.basic(user, "probe-pass")).GET());
    }

    private void createUser(String id, String password) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setPassword(password);
            identityService.saveUser(user);
        }
    }
}
