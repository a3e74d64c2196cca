package cn.parkflow.notification;

import java.time.Instant;

/** A notification as the admin API shows it. {@code address} is empty when the recipient was unresolvable. */
record NotificationView(long id, String template, String recipient, String address, String caseNumber,
                        String subject, NotificationStatus status, int attempts, Instant nextAttemptAt,
                        String lastError, Instant createdAt, Instant sentAt, String sentBy, String bodyText) {

    static NotificationView of(OutboxEntry entry) {
        return new NotificationView(entry.id(), entry.template(), entry.recipient(), entry.address(),
                entry.caseNumber(), entry.subject(), entry.status(), entry.attempts(),
                entry.status() == NotificationStatus.PENDING ? entry.nextAttemptAt() : null, entry.lastError(),
                entry.createdAt(), entry.sentAt(), entry.sentBy(), entry.bodyText());
    }
}
