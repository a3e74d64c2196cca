package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The verified-identity cache of HTTP Basic callers: reuse within the TTL, forgetting, never a failure. */
class VerifiedIdentitiesTest {

    private final MovableClock clock = new MovableClock();
    private final VerifiedIdentities identities = new VerifiedIdentities(Duration.ofSeconds(5), clock);
    private final AtomicInteger checks = new AtomicInteger();

    @Test
    void shouldReuseAVerifiedIdentityWithinTheTtlOnly() {
        CurrentUser officer = new CurrentUser("stc-officer", Set.of("stc"));

        identities.verified("stc-officer", "secret", counted(officer));
        clock.move(Duration.ofMillis(4_900));
        CurrentUser reused = identities.verified("stc-officer", "secret", counted(null));
        clock.move(Duration.ofMillis(200));
        CurrentUser afterTtl = identities.verified("stc-officer", "secret", counted(null));

        assertThat(reused).isEqualTo(officer);
        assertThat(afterTtl).as("the password changed meanwhile: refused once the TTL is over").isNull();
        assertThat(checks).hasValue(2);
    }

    @Test
    void shouldCheckAnotherPasswordAndNeverKeepAFailure() {
        identities.verified("stc-officer", "secret", counted(new CurrentUser("stc-officer", Set.of("stc"))));

        assertThat(identities.verified("stc-officer", "guess", counted(null))).isNull();
        assertThat(identities.verified("stc-officer", "guess", counted(null))).isNull();
        assertThat(checks).as("each wrong password reaches the identity service and its throttling").hasValue(3);
    }

    @Test
    void shouldForgetEverythingOnAnIdentityChangeEvenACheckRunningMeanwhile() {
        identities.verified("stc-officer", "secret", counted(new CurrentUser("stc-officer", Set.of("stc"))));

        identities.forgetAll();
        CurrentUser regrouped = identities.verified("stc-officer", "secret",
                counted(new CurrentUser("stc-officer", Set.of("stc", "supervision"))));
        // a check that read the old groups while a change committed must not be reused
        identities.verified("econ-officer", "secret", () -> {
            identities.forgetAll();
            return new CurrentUser("econ-officer", Set.of("econ"));
        });
        CurrentUser econ = identities.verified("econ-officer", "secret", counted(new CurrentUser("econ-officer", Set.of("drc"))));

        assertThat(regrouped.groups()).containsExactlyInAnyOrder("stc", "supervision");
        assertThat(econ.groups()).containsExactly("drc");
    }

    @Test
    void shouldCheckEveryRequestWithAZeroTtl() {
        VerifiedIdentities off = new VerifiedIdentities(Duration.ZERO, clock);
        CurrentUser officer = new CurrentUser("stc-officer", Set.of("stc"));

        off.verified("stc-officer", "secret", counted(officer));
        off.verified("stc-officer", "secret", counted(officer));

        assertThat(checks).hasValue(2);
        assertThat(off.size()).isZero();
    }

    @Test
    void shouldNotKeepThePasswordInItsKeys() throws Exception {
        identities.verified("stc-officer", "secret-password", counted(new CurrentUser("stc-officer", Set.of("stc"))));

        var field = VerifiedIdentities.class.getDeclaredField("entries");
        field.setAccessible(true);
        assertThat(((java.util.Map<?, ?>) field.get(identities)).keySet())
                .singleElement().asString().startsWith("stc-officer:").doesNotContain("secret-password");
    }

    private Supplier<CurrentUser> counted(CurrentUser result) {
        return () -> {
            checks.incrementAndGet();
            return result;
        };
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-10-09T09:30:00Z");

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
