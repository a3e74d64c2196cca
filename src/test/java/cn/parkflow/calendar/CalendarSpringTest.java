package cn.parkflow.calendar;

import cn.parkflow.support.PostgresApplicationTest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The calendar's Spring tests: the application on the real PostgreSQL (the context every
 * application test shares), called through {@code MockMvc}. Demo users: {@code admin},
 * {@code amr-officer}, … with password = user id.
 */
abstract class CalendarSpringTest extends PostgresApplicationTest {

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }
}
