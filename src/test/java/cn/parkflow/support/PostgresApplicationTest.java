package cn.parkflow.support;

import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on a real PostgreSQL, with the demo users. Subclasses share one
 * application context (and one database), so they use data of their own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "parkflow.security.applicant-processes="
                + "foundation-fixture,incubator-certification,incubator-change-report,ip-protection-case")
@ActiveProfiles("demo")
@Tag("application")
public abstract class PostgresApplicationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        PostgresTestServer.register(registry);
    }

    protected Http http() {
        return new Http(port);
    }
}
