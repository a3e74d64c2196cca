package cn.parkflow.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * HTTP Basic callers whose password was verified a moment ago ({@code parkflow.security.identity-cache-ttl}),
 * with their groups, so that a client's burst of requests does not check the password and read the
 * groups again on every request (issue 17). The key is the user id and an HMAC of the password under
 * a key made at start-up, never the password itself; only successful checks are kept, so a wrong
 * password always reaches the identity service (and its throttling). Any change of users, groups,
 * memberships or tenants made through the engine's identity service forgets everything
 * ({@link IdentityChanges}); a change made elsewhere (another node, SQL) is seen after the TTL.
 */
@Component
class VerifiedIdentities {

    /** More entries than this and the cache starts over (a bound, not an eviction policy). */
    static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final SecretKeySpec secret;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** Raised by every identity change: an entry verified under an older generation is not used. */
    private final AtomicLong generation = new AtomicLong();

    @Autowired
    VerifiedIdentities(SecurityProperties properties) {
        this(properties.identityCacheTtl(), Clock.systemUTC());
    }

    VerifiedIdentities(Duration ttl, Clock clock) {
        this.ttl = ttl == null || ttl.isNegative() ? Duration.ZERO : ttl;
        this.clock = clock;
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.secret = new SecretKeySpec(key, "HmacSHA256");
    }

    /**
     * The caller {@code verify} finds for these credentials (null: refused), from the cache while an
     * earlier success is younger than the TTL and no identity changed since.
     */
    CurrentUser verified(String userId, String password, Supplier<CurrentUser> verify) {
        if (ttl.isZero()) {
            return verify.get();
        }
        String key = key(userId, password);
        Instant now = clock.instant();
        long current = generation.get();
        Entry entry = entries.get(key);
        if (entry != null && entry.generation == current && now.isBefore(entry.expires)) {
            return entry.user;
        }
        CurrentUser user = verify.get();
        if (user == null) {
            entries.remove(key);
        } else {
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            entries.put(key, new Entry(user, now.plus(ttl), current));
        }
        return user;
    }

    /** Forgets every verified identity (a user, group, membership or tenant changed). */
    void forgetAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private String key(String userId, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            mac.update(userId.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return userId + ":" + Base64.getEncoder().encodeToString(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Entry(CurrentUser user, Instant expires, long generation) {
    }
}
