package cn.parkflow.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The outbox table. Claims are optimistic single-row updates guarded by status and lease, which
 * behave the same on PostgreSQL and H2: of two relays racing for a row exactly one update counts.
 */
@Repository
class OutboxRepository {

    private static final String COLUMNS = "id, dedup_key, recipient, address, template, case_number, subject, "
            + "body_text, body_html, status, attempts, next_attempt_at, last_error, created_at, sent_at, sent_by, "
            + "attachment_document_id";
    private static final int ERROR_LENGTH = 1000;

    private final JdbcClient jdbc;

    OutboxRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes the row unless (dedup key, recipient) is already there; true when written. */
    boolean insert(String dedupKey, String recipient, String address, String template, String caseNumber,
                   RenderedMail mail, NotificationStatus status, String error, Instant now, String node) {
        return insert(dedupKey, recipient, address, template, caseNumber, mail, status, error, now, node, null);
    }

    /** The same, with a case document of {@code caseNumber} to attach when the mail is sent. */
    boolean insert(String dedupKey, String recipient, String address, String template, String caseNumber,
                   RenderedMail mail, NotificationStatus status, String error, Instant now, String node,
                   Long attachmentDocumentId) {
        return jdbc.sql("INSERT INTO notification (dedup_key, recipient, address, template, case_number, subject, "
                        + "body_text, body_html, status, attempts, next_attempt_at, last_error, created_at, origin_node, "
                        + "attachment_document_id) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                        + "(SELECT 1 FROM notification WHERE dedup_key = ? AND recipient = ?)")
                .params(dedupKey, recipient, address, template, caseNumber, mail.subject(), mail.text(), mail.html(),
                        status.name(), at(now), truncate(error), at(now), node, attachmentDocumentId, dedupKey, recipient)
                .update() == 1;
    }

    /** PENDING rows due now and not leased; another node's rows only once older than takeoverBefore. */
    List<OutboxEntry> due(String node, Instant now, Instant takeoverBefore, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE status = 'PENDING' AND next_attempt_at <= ? "
                        + "AND (claimed_until IS NULL OR claimed_until < ?) AND (origin_node = ? OR created_at <= ?) "
                        + "ORDER BY next_attempt_at, id LIMIT ?")
                .params(at(now), at(now), node, at(takeoverBefore), limit)
                .query(OutboxRepository::toEntry).list();
    }

    /** Leases one row to this node and counts the attempt; false when another node got there first. */
    boolean claim(long id, String node, Instant now, Instant until) {
        return jdbc.sql("UPDATE notification SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 "
                        + "WHERE id = ? AND status = 'PENDING' AND (claimed_until IS NULL OR claimed_until < ?)")
                .params(node, at(until), id, at(now)).update() == 1;
    }

    boolean markSent(long id, String node, Instant now) {
        return jdbc.sql("UPDATE notification SET status = 'SENT', sent_at = ?, sent_by = ?, last_error = NULL, "
                        + "claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(at(now), node, id, node).update() == 1;
    }

    boolean markRetry(long id, String node, Instant nextAttempt, String error) {
        return jdbc.sql("UPDATE notification SET next_attempt_at = ?, last_error = ?, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(at(nextAttempt), truncate(error), id, node).update() == 1;
    }

    boolean markFailed(long id, String node, String error) {
        return jdbc.sql("UPDATE notification SET status = 'FAILED', last_error = ?, claimed_by = NULL, "
                        + "claimed_until = NULL WHERE id = ? AND claimed_by = ?")
                .params(truncate(error), id, node).update() == 1;
    }

    /** FAILED → PENDING with fresh attempts, due now; false unless it was FAILED with an address. */
    boolean retry(long id, Instant now) {
        return jdbc.sql("UPDATE notification SET status = 'PENDING', attempts = 0, next_attempt_at = ? "
                        + "WHERE id = ? AND status = 'FAILED' AND address IS NOT NULL")
                .params(at(now), id).update() == 1;
    }

    List<OutboxEntry> list(NotificationStatus status, String caseNumber, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM notification WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (caseNumber != null) {
            sql.append(" AND case_number = ?");
            params.add(caseNumber);
        }
        sql.append(" ORDER BY id DESC LIMIT ? OFFSET ?");
        params.add(size);
        params.add(page * size);
        return jdbc.sql(sql.toString()).params(params).query(OutboxRepository::toEntry).list();
    }

    Optional<OutboxEntry> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM notification WHERE id = ?").param(id)
                .query(OutboxRepository::toEntry).optional();
    }

    private static OutboxEntry toEntry(ResultSet rs, int row) throws SQLException {
        return new OutboxEntry(rs.getLong("id"), rs.getString("dedup_key"), rs.getString("recipient"),
                rs.getString("address"), rs.getString("template"), rs.getString("case_number"),
                rs.getString("subject"), rs.getString("body_text"), rs.getString("body_html"),
                NotificationStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), rs.getString("last_error"), instant(rs, "created_at"),
                instant(rs, "sent_at"), rs.getString("sent_by"), rs.getObject("attachment_document_id", Long.class));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static String truncate(String error) {
        return error == null || error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH);
    }
}
