package cn.parkflow.notification;

import cn.parkflow.casefile.DocumentContent;
import cn.parkflow.casefile.IssuedDocuments;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import cn.parkflow.casefile.CaseProcesses;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox ({@link RelayScheduler} runs it on its own thread, never on an engine or
 * request thread). Each row is leased
 * to this node just before it is sent, so several nodes on one database never send a row twice;
 * the lease outlasts one send because the SMTP timeouts bound it. A node sends the rows it wrote
 * at once (it is woken after commit) and takes over other nodes' rows once they are
 * {@code takeover-after} old. A temporary failure backs off; a permanent one or the last attempt
 * marks the row FAILED with the reason. When the server is unreachable the pass stops, so an
 * outage costs one timeout per pass and not one per waiting mail, and no mail is given up for
 * it: past its last attempt it keeps waiting at the longest back-off until the server is back.
 */
@Component
class NotificationRelay {

    private static final Logger log = LoggerFactory.getLogger(NotificationRelay.class);

    private final OutboxRepository outbox;
    private final IssuedDocuments documents;
    private final MailPort mail;
    private final NotificationProperties properties;
    private final Backoff backoff;
    private final String node;
    private final Clock clock;
    private final NotificationMetrics metrics;
    private final CaseProcesses processes;

    /** Without metrics and case lookups, for tests of the relay alone. */
    NotificationRelay(OutboxRepository outbox, IssuedDocuments documents, MailPort mail,
                      NotificationProperties properties, RelayNode node, Optional<Clock> clock) {
        this(outbox, documents, mail, properties, node, clock, null, null);
    }

    @Autowired
    NotificationRelay(OutboxRepository outbox, IssuedDocuments documents, MailPort mail,
                      NotificationProperties properties, RelayNode node, Optional<Clock> clock,
                      NotificationMetrics metrics, CaseProcesses processes) {
        this.metrics = metrics;
        this.processes = processes;
        this.outbox = outbox;
        this.documents = documents;
        this.mail = mail;
        this.properties = properties;
        this.backoff = new Backoff(properties.relay().initialBackoff(), properties.relay().maxBackoff());
        this.node = node.id();
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Sends everything due now, row by row over one SMTP session, until nothing is due or the server is unreachable. */
    int deliverDue() {
        try (MailPort.Session session = mail.session()) {
            return deliverDue(session);
        }
    }

    private int deliverDue(MailPort.Session session) {
        int sent = 0;
        NotificationProperties.Relay relay = properties.relay();
        while (true) {
            Instant now = clock.instant();
            List<OutboxEntry> due = outbox.due(node, now, now.minus(relay.takeoverAfter()), relay.batchSize());
            int attempted = 0;
            for (OutboxEntry entry : due) {
                // leased just before its own send, so one lease only ever covers one send
                Instant claimedAt = clock.instant();
                if (!outbox.claim(entry.id(), node, claimedAt, claimedAt.plus(relay.lease()))) {
                    continue;
                }
                attempted++;
                DeliveryException failure = deliver(session, entry);
                if (failure == null) {
                    sent++;
                } else if (failure.kind() == DeliveryException.Kind.UNREACHABLE) {
                    return sent;
                }
            }
            if (attempted == 0) {
                return sent;
            }
        }
    }

    /** Log lines about one mail carry its case number and process key (MDC). */
    private DeliveryException deliver(MailPort.Session session, OutboxEntry entry) {
        if (entry.caseNumber() == null || processes == null) {
            return send(session, entry);
        }
        MDC.put("caseNumber", entry.caseNumber());
        processes.processKeyOf(entry.caseNumber()).ifPresent(key -> MDC.put("processKey", key));
        try {
            return send(session, entry);
        } finally {
            MDC.remove("caseNumber");
            MDC.remove("processKey");
        }
    }

    private DeliveryException send(MailPort.Session session, OutboxEntry entry) {
        OutgoingMail outgoing = OutgoingMail.of(entry, attachment(entry));
        if (properties.redirecting()) {
            outgoing = outgoing.redirectedTo(properties.redirectAllTo());
        }
        try {
            session.send(outgoing);
            if (metrics != null) {
                metrics.delivered(Duration.between(entry.createdAt(), clock.instant()));
            }
            if (!outbox.markSent(entry.id(), node, clock.instant())) {
                log.warn("Notification {} was sent but its lease had passed to another node", entry.id());
            }
            return null;
        } catch (DeliveryException failure) {
            if (metrics != null) {
                metrics.failedAttempt(failure.kind());
            }
            recordFailure(entry, failure);
            return failure;
        }
    }

    /** The attached case document, read when the mail is sent; a mail whose document is gone goes without it. */
    private DocumentContent attachment(OutboxEntry entry) {
        if (entry.attachmentDocumentId() == null) {
            return null;
        }
        return documents.content(entry.caseNumber(), entry.attachmentDocumentId()).orElseGet(() -> {
            log.warn("Notification {}: document {} of case {} is gone; sent without attachment", entry.id(),
                    entry.attachmentDocumentId(), entry.caseNumber());
            return null;
        });
    }

    private void recordFailure(OutboxEntry entry, DeliveryException failure) {
        int attempt = entry.attempts() + 1;
        String reason = failure.getMessage();
        // a server that cannot be reached fails every mail alike: the mail waits for it, however long, at the
        // longest back-off; only a failure of the mail itself ends it
        boolean givenUp = failure.kind() == DeliveryException.Kind.PERMANENT
                || (attempt >= properties.relay().maxAttempts() && failure.kind() != DeliveryException.Kind.UNREACHABLE);
        if (givenUp) {
            outbox.markFailed(entry.id(), node, "第 " + attempt + " 次发送失败，已停止重试: " + reason);
            log.warn("Notification {} ({} to {}) FAILED after attempt {}: {}", entry.id(), entry.template(),
                    entry.address(), attempt, reason);
        } else {
            Instant next = clock.instant().plus(backoff.after(attempt));
            outbox.markRetry(entry.id(), node, next, "第 " + attempt + " 次发送失败，将于 "
                    + MailModel.format(next) + " 重试: " + reason);
            log.info("Notification {} attempt {} failed ({}), retry at {}: {}", entry.id(), attempt, failure.kind(),
                    next, reason);
        }
    }
}
