package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The relay's rules on a real outbox table (H2, migrated by Flyway) with a mail port the test
 * controls and a clock it moves: back-off, permanent failure, attempts, leases, node affinity,
 * redirect-all.
 */
class OutboxRelayTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    private final List<OutgoingMail> sent = new ArrayList<>();
    private final List<DeliveryException> failures = new ArrayList<>();
    private OutboxRepository outbox;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        outbox = new OutboxRepository(JdbcClient.create(dataSource));
    }

    @Test
    void shouldSendAPendingNotificationOnceAndMarkItSent() {
        long id = write("stc@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());

        assertThat(relay.deliverDue()).isEqualTo(1);
        assertThat(relay.deliverDue()).isZero();

        assertThat(sent).extracting(OutgoingMail::to).containsExactly("stc@parkflow.example");
        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.sentBy()).isEqualTo("node-a");
    }

    @Test
    void shouldBackOffAfterATemporaryFailureAndSendOnceTheServerIsBack() {
        long id = write("stc@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        failures.add(new DeliveryException(DeliveryException.Kind.UNREACHABLE, "ConnectException: refused", null));

        relay.deliverDue();
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.status()).isEqualTo(NotificationStatus.PENDING);
        assertThat(waiting.lastError()).contains("第 1 次发送失败").contains("refused");
        assertThat(waiting.nextAttemptAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(1)));

        clock.advance(Duration.ofSeconds(59));
        assertThat(relay.deliverDue()).as("not before the back-off").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.deliverDue()).isEqualTo(1);

        assertThat(sent).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void shouldFailAtOnceWithTheReasonWhenTheServerRejectsTheRecipient() {
        long id = write("nobody@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        failures.add(new DeliveryException(DeliveryException.Kind.PERMANENT, "550 5.1.1 User unknown", null));

        relay.deliverDue();
        clock.advance(Duration.ofDays(1));
        relay.deliverDue();

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.lastError()).contains("550 5.1.1 User unknown");
        assertThat(sent).isEmpty();
    }

    @Test
    void shouldStopRetryingAfterTheLastAttempt() {
        long id = write("stc@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        for (int i = 0; i < 10; i++) {
            failures.add(new DeliveryException(DeliveryException.Kind.TRANSIENT, "451 try later", null));
        }

        for (int pass = 0; pass < 10; pass++) {
            relay.deliverDue();
            clock.advance(Duration.ofHours(1));
        }

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(NotificationStatus.FAILED);
        assertThat(entry.attempts()).isEqualTo(3);
        assertThat(entry.lastError()).contains("第 3 次发送失败，已停止重试");
        assertThat(failures).as("attempts left unused").hasSize(7);
    }

    /** An outage longer than every attempt's back-off together loses no mail: it waits for the server. */
    @Test
    void shouldNeverGiveUpAMailBecauseTheServerIsUnreachable() {
        long id = write("stc@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        for (int i = 0; i < 6; i++) {
            failures.add(new DeliveryException(DeliveryException.Kind.UNREACHABLE, "ConnectException: refused", null));
        }

        for (int pass = 0; pass < 6; pass++) {
            relay.deliverDue();
            clock.advance(Duration.ofHours(1));
        }
        OutboxEntry waiting = outbox.find(id).orElseThrow();
        assertThat(waiting.status()).as("past its last attempt").isEqualTo(NotificationStatus.PENDING);
        assertThat(waiting.attempts()).isEqualTo(6);

        assertThat(relay.deliverDue()).as("the server is back").isEqualTo(1);
        assertThat(sent).hasSize(1);
        assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT);
    }

    @Test
    void shouldStopThePassWhenTheServerIsUnreachable() {
        write("a@parkflow.example", "node-a");
        write("b@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        failures.add(new DeliveryException(DeliveryException.Kind.UNREACHABLE, "SocketTimeoutException: Read timed out", null));

        relay.deliverDue();

        assertThat(outbox.list(NotificationStatus.PENDING, null, 0, 10)).extracting(OutboxEntry::attempts)
                .containsExactlyInAnyOrder(1, 0);
    }

    @Test
    void shouldNotSendWhatAnotherNodeHoldsAndTakeOverItsRowsOnlyWhenOld() {
        long mine = write("a@parkflow.example", "node-a");
        long theirs = write("b@parkflow.example", "node-b");
        NotificationRelay relayA = relay("node-a", TestProperties.standard());
        assertThat(outbox.claim(mine, "node-b", clock.instant(), clock.instant().plus(Duration.ofMinutes(1)))).isTrue();

        assertThat(relayA.deliverDue()).as("mine is leased to b, theirs is young").isZero();
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(relayA.deliverDue()).as("lease expired, theirs old enough").isEqualTo(2);

        assertThat(sent).extracting(OutgoingMail::to).containsExactlyInAnyOrder("a@parkflow.example", "b@parkflow.example");
        assertThat(outbox.markSent(mine, "node-b", clock.instant())).as("b's lease is gone").isFalse();
        assertThat(outbox.find(theirs).orElseThrow().sentBy()).isEqualTo("node-a");
    }

    @Test
    void shouldSendEverythingToTheRedirectAddressWhenTheSwitchIsOn() {
        long id = write("applicant1@parkflow.example", "node-a");

        relay("node-a", TestProperties.redirectingTo("qa@parkflow.test")).deliverDue();

        assertThat(sent).singleElement().satisfies(mail -> {
            assertThat(mail.to()).isEqualTo("qa@parkflow.test");
            assertThat(mail.originalTo()).isEqualTo("applicant1@parkflow.example");
        });
        assertThat(outbox.find(id).orElseThrow().address()).as("the outbox keeps the real recipient")
                .isEqualTo("applicant1@parkflow.example");
    }

    @Test
    void shouldRetryAFailedNotificationWithFreshAttempts() {
        long id = write("nobody@parkflow.example", "node-a");
        NotificationRelay relay = relay("node-a", TestProperties.standard());
        failures.add(new DeliveryException(DeliveryException.Kind.PERMANENT, "550 no such user", null));
        relay.deliverDue();

        assertThat(outbox.retry(id, clock.instant())).isTrue();
        assertThat(outbox.retry(id, clock.instant())).as("only FAILED rows").isFalse();
        relay.deliverDue();

        OutboxEntry entry = outbox.find(id).orElseThrow();
        assertThat(entry.status()).isEqualTo(NotificationStatus.SENT);
        assertThat(entry.attempts()).isEqualTo(1);
    }

    @Test
    void shouldWriteEachRecipientOfAnEventOnlyOnce() {
        assertThat(insert("task:1:created", "stc")).isTrue();
        assertThat(insert("task:1:created", "stc")).isFalse();
        assertThat(insert("task:1:created", "amr")).isTrue();
        assertThat(outbox.list(null, null, 0, 10)).hasSize(2);
    }

    private boolean insert(String key, String recipient) {
        return outbox.insert(key, recipient, recipient + "@parkflow.example", "task-created", "INC-2026-0001",
                new RenderedMail("主题", "正文", "<p>正文</p>"), NotificationStatus.PENDING, null, clock.instant(), "node-a");
    }

    private long write(String address, String node) {
        outbox.insert(UUID.randomUUID().toString(), address, address, "task-created", "INC-2026-0001",
                new RenderedMail("【园区案件】待办任务", "正文", "<p>正文</p>"), NotificationStatus.PENDING, null,
                clock.instant(), node);
        return outbox.list(null, null, 0, 1).get(0).id();
    }

    private NotificationRelay relay(String node, NotificationProperties properties) {
        MailPort port = () -> new MailPort.Session() {
            @Override
            public void send(OutgoingMail mail) throws DeliveryException {
                if (!failures.isEmpty()) {
                    throw failures.remove(0);
                }
                sent.add(mail);
            }

            @Override
            public void close() {
            }
        };
        RelayNode relayNode = new RelayNode() {
            @Override
            String id() {
                return node;
            }
        };
        return new NotificationRelay(outbox, null, port, properties, relayNode, Optional.of(clock)); // no attachments here
    }
}
