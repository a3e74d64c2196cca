package cn.parkflow.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL, with the demo users, a real SMTP server (GreenMail)
 * that receives its mails, metrics export on (as in production) and a {@code MockMvc} for tests that
 * call controllers without HTTP. Every subclass gets the same configuration, so the classes that run
 * in one test JVM share one application context and one database (surefire execution
 * {@code application-tests}, README "Tests"): a test uses data of its own (its own cases, users,
 * process keys, unique names), filters what it reads by them (never counts all rows or all mail),
 * and puts back anything global it changes (the engine clock, settings, identities). A class that
 * cannot, or that starts servers or contexts of its own, is tagged {@code isolated} and gets a JVM
 * of its own. Do not add properties, mocks or {@code @DynamicPropertySource} methods in a subclass:
 * that makes a second context, which the suite refuses to hold beside the first ({@link OneContextPerJvm}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parkflow.security.applicant-processes="
                + "foundation-fixture,incubator-certification,incubator-change-report,ip-protection-case")
@ActiveProfiles("demo")
@AutoConfigureMockMvc
@AutoConfigureObservability(tracing = false)
@Tag("application")
public abstract class PostgresApplicationTest {

    /** The SMTP server of this test JVM; it receives the mail of every class that ran in it. */
    protected static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestServer.register(registry);
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("parkflow.notification.relay.poll-interval", () -> "200ms");
        registry.add("parkflow.notification.relay.initial-backoff", () -> "200ms");
        registry.add("parkflow.notification.relay.max-backoff", () -> "1s");
    }

    protected Http http() {
        return new Http(port);
    }
}
