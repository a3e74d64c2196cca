package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.support.PostgresTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two application nodes on one PostgreSQL, both sending everything at once (take-over without
 * delay): every notification reaches the SMTP server exactly once, and both nodes do part of it.
 * The relays do not poll here, so this also shows that a commit wakes its node's relay.
 */
@Tag("application")
@Tag("isolated") // a JVM of its own: starts two applications of its own
class TwoRelaysTest {

    private static final int PER_NODE = 100;

    @Test
    void shouldDeliverEachNotificationExactlyOnceWithTwoNodesOnOneDatabase() throws Exception {
        TestMailServer.GATE.mode(SmtpGate.Mode.FORWARD);
        String batch = "TWO-" + UUID.randomUUID().toString().substring(0, 8);
        try (ConfigurableApplicationContext nodeA = start("a"); ConfigurableApplicationContext nodeB = start("b")) {
            CompletableFuture<Void> fromA = CompletableFuture.runAsync(() -> enqueue(nodeA, batch, "a"));
            CompletableFuture<Void> fromB = CompletableFuture.runAsync(() -> enqueue(nodeB, batch, "b"));
            CompletableFuture.allOf(fromA, fromB).get();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(TestMailServer.about(batch)).hasSize(2 * PER_NODE));
            nodeA.getBean(NotificationRelay.class).deliverDue();
            nodeB.getBean(NotificationRelay.class).deliverDue();

            assertThat(TestMailServer.about(batch)).extracting(TestMailServer::to).doesNotHaveDuplicates()
                    .hasSize(2 * PER_NODE);
            List<OutboxEntry> rows = nodeA.getBean(OutboxRepository.class).list(null, batch, 0, 500);
            assertThat(rows).hasSize(2 * PER_NODE)
                    .allSatisfy(row -> assertThat(row.status()).isEqualTo(NotificationStatus.SENT));
            Map<String, Long> sentBy = rows.stream().collect(Collectors.groupingBy(OutboxEntry::sentBy, Collectors.counting()));
            System.out.println("Notifications sent per node: " + sentBy);
            assertThat(sentBy.keySet()).as("both nodes sent").hasSize(2);
            assertThat(Set.copyOf(rows.stream().map(OutboxEntry::sentBy).toList()))
                    .containsExactlyInAnyOrder(node(nodeA), node(nodeB));
        }
    }

    private static void enqueue(ConfigurableApplicationContext node, String batch, String name) {
        Notifications notifications = node.getBean(Notifications.class);
        IntStream.range(0, PER_NODE).forEach(i -> notifications.enqueue("decision",
                "relay-" + name + i + "@parkflow.test", Map.of(Notifications.CASE_NUMBER, batch, "outcome", "准予"),
                batch + ":" + name + i));
    }

    private static String node(ConfigurableApplicationContext context) {
        return context.getBean(RelayNode.class).id();
    }

    private static ConfigurableApplicationContext start(String name) {
        PostgresTestServer database = PostgresTestServer.shared();
        // arguments, because default properties would lose to the profile's datasource
        return new SpringApplicationBuilder(ParkflowApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--camunda.bpm.process-engine-name=relay-" + name,
                "--camunda.bpm.job-execution.enabled=false",
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + TestMailServer.GATE.port(),
                // no polling within the test: every pass is a wake-up after an enqueue commits
                "--parkflow.notification.relay.poll-interval=1h",
                "--parkflow.notification.relay.takeover-after=0s",
                "--parkflow.notification.relay.lease=30s",
                "--parkflow.notification.timeouts.connect=2s",
                "--parkflow.notification.timeouts.read=2s",
                "--parkflow.notification.timeouts.write=2s",
                "--parkflow.notification.timeouts.final-reply=10s");
    }
}
