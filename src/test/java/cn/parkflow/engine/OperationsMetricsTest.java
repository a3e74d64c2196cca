package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * /actuator/prometheus: for admins only, with our own gauges and the mail latency timer. Spring Boot
 * turns metrics export off in tests unless asked: {@link AutoConfigureObservability}.
 */
@AutoConfigureObservability(tracing = false)
class OperationsMetricsTest extends PostgresApplicationTest {

    @Autowired
    MetricsRefresher refresher;

    @Test
    void shouldServeOurMetricsToAnAdminOnly() {
        refresher.refreshAll();

        assertThat(http().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/prometheus", "stc-officer").statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = http().get("/actuator/prometheus", "admin");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("parkflow_cases_open{process=\"incubator-certification\",status=",
                "parkflow_outbox_pending ", "parkflow_outbox_failed ", "parkflow_outbox_oldest_pending_seconds ",
                "parkflow_jobs_due ", "parkflow_jobs_failed ", "parkflow_mail_delivery_latency_seconds_count ");
    }
}
