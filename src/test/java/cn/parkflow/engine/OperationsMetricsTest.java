package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * /actuator/prometheus: for admins only, with our own gauges and the mail latency timer. Spring Boot
 * turns metrics export off in tests unless asked: the base class asks (AutoConfigureObservability).
 */
class OperationsMetricsTest extends PostgresApplicationTest {

    @Autowired
    MetricsRefresher refresher;

    @Autowired
    TaskService tasks;

    @Autowired
    RuntimeService runtime;

    @Test
    void shouldServeOurMetricsToAnAdminOnly() {
        // a task of stc (a case of this test's own) got its yellow reminder (as notification.DeadlineReminderSender marks it)
        String instance = runtime.startProcessInstanceByKey("foundation-fixture", "METRICS-" + System.nanoTime(),
                Map.of("topic", "incubator")).getId();
        Task task = tasks.createTaskQuery().processInstanceId(instance).taskCandidateGroup("stc").singleResult();
        tasks.setVariableLocal(task.getId(), "deadlineColour", "黄色预警");
        refresher.refreshAll();

        assertThat(http().get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(http().get("/actuator/prometheus", "stc-officer").statusCode()).isEqualTo(403);
        HttpResponse<String> scrape = http().get("/actuator/prometheus", "admin");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("parkflow_cases_open{process=\"incubator-certification\",status=",
                "parkflow_outbox_pending ", "parkflow_outbox_failed ", "parkflow_outbox_oldest_pending_seconds ",
                "parkflow_jobs_due ", "parkflow_jobs_failed ", "parkflow_mail_delivery_latency_seconds_count ",
                "parkflow_tasks_overdue{colour=\"yellow\",department=\"stc\"}");
    }
}
