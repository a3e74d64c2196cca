package cn.parkflow.notification;

import java.time.Instant;

/** One outbox row: a rendered mail for one recipient and its delivery state. */
record OutboxEntry(
        long id,
        String dedupKey,
        String recipient,
        String address,
        String template,
        String caseNumber,
        String subject,
        String bodyText,
        String bodyHtml,
        NotificationStatus status,
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        String sentBy,
        Long attachmentDocumentId) {

    /** A deterministic Message-ID, so a receiving system can drop a copy it already has. */
    String messageId() {
        return "<notification-" + id + "@parkflow>";
    }
}
