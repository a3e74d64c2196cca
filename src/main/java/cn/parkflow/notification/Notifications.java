package cn.parkflow.notification;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The notification port for processes and kernel code. {@link #enqueue} renders the mail and
 * writes it to the outbox in the caller's transaction (inside a delegate or listener that is the
 * engine's transaction); the relay sends it after commit. If the case work rolls back, so does
 * the mail; if the mail server is down, the case work goes on.
 */
@Service
public class Notifications {

    /** Model keys the standard templates read; any other key is available to templates as well. */
    public static final String CASE_NUMBER = "caseNumber";
    public static final String STEP = "step";
    public static final String DEADLINE = "deadline";
    public static final String TASK_ID = "taskId";
    public static final String OUTCOME = "outcome";
    public static final String REASON = "reason";

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final int MAX_KEY_LENGTH = 300;

    private final RecipientResolver recipients;
    private final MailTemplates templates;
    private final MailModel models;
    private final OutboxRepository outbox;
    private final RelayNode node;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Notifications(RecipientResolver recipients, MailTemplates templates, MailModel models, OutboxRepository outbox,
                  RelayNode node, ApplicationEventPublisher events, Optional<Clock> clock) {
        this.recipients = recipients;
        this.templates = templates;
        this.models = models;
        this.outbox = outbox;
        this.node = node;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /**
     * Queues mail template {@code template} for each recipient, at most once per (dedupKey, recipient).
     *
     * @param recipient comma-separated user ids, department codes, group ids or email addresses
     * @param model     {@link #CASE_NUMBER} (the case is read from it), {@link #STEP}, {@link #DEADLINE},
     *                  {@link #TASK_ID} (the link then opens the task), and whatever the template shows
     * @param dedupKey  names the event, e.g. process instance + activity instance + template; a re-run
     *                  with the same key writes nothing
     * @return how many notifications were newly written (unresolvable recipients count, as FAILED)
     * @throws IllegalArgumentException for an unknown template or an empty recipient list or key
     */
    @Transactional
    public int enqueue(String template, String recipient, Map<String, ?> model, String dedupKey) {
        return enqueue(template, recipient, model, dedupKey, null);
    }

    /**
     * The same, with a document of the case ({@link #CASE_NUMBER}) attached when the mail is sent,
     * e.g. the certificate PDF; {@code null} for none.
     */
    @Transactional
    public int enqueue(String template, String recipient, Map<String, ?> model, String dedupKey,
                       Long attachmentDocumentId) {
        if (template == null || !templates.exists(template)) {
            throw new IllegalArgumentException("未知的邮件模板: " + template + "（可用: " + templates.ids() + "）");
        }
        if (recipient == null || recipient.isBlank()) {
            throw new IllegalArgumentException("邮件收件人不能为空（模板 " + template + "）");
        }
        if (dedupKey == null || dedupKey.isBlank()) {
            throw new IllegalArgumentException("去重键不能为空（模板 " + template + "）");
        }
        List<Recipient> resolved = recipients.resolve(recipient);
        if (resolved.isEmpty()) {
            log.info("Notification {} for '{}' has no recipient with an email address", template, recipient);
            return 0;
        }
        Map<String, String> values = models.complete(model == null ? Map.of() : model);
        RenderedMail mail = templates.render(template, values);
        String key = shorten(dedupKey);
        int written = 0;
        for (Recipient to : resolved) {
            NotificationStatus status = to.resolved() ? NotificationStatus.PENDING : NotificationStatus.FAILED;
            if (outbox.insert(key, to.id(), to.address(), template, values.get(CASE_NUMBER), mail, status,
                    to.problem(), clock.instant(), node.id(), attachmentDocumentId)) {
                written++;
                if (!to.resolved()) {
                    log.warn("Notification {} to '{}' failed at once: {}", template, to.id(), to.problem());
                }
            }
        }
        if (written > 0) {
            events.publishEvent(new NotificationsEnqueued(written));
        }
        return written;
    }

    /** Keys longer than the column are replaced by their SHA-256, which keeps them unique. */
    private static String shorten(String key) {
        if (key.length() <= MAX_KEY_LENGTH) {
            return key;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Published in the writing transaction; the relay wakes up once it commits. */
    record NotificationsEnqueued(int count) {
    }
}
