package cn.parkflow.calendar;

import cn.parkflow.support.PostgresTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on the real PostgreSQL, shared by the calendar's Spring tests (one context).
 * Demo users (default profile): {@code admin}, {@code amr-officer}, … with password = user id.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Tag("application")
abstract class CalendarSpringTest {

    @DynamicPropertySource
    static void db(DynamicPropertyRegistry registry) {
        PostgresTestServer.register(registry);
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
