package cn.parkflow.notification;

import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/** The mails written about a case (the outbox), for the case page of 我的案件. */
@Service
public class CaseMails {

    private static final int MOST = 200;

    private final OutboxRepository outbox;

    CaseMails(OutboxRepository outbox) {
        this.outbox = outbox;
    }

    /** One mail: to whom (user id, department code or address), its subject, when written and sent. */
    public record CaseMail(String recipient, String subject, Instant writtenAt, Instant sentAt, String state) {
    }

    /** Newest first; {@code recipient} non-null: only the mails to that recipient. */
    public List<CaseMail> of(String caseNumber, String recipient) {
        return outbox.list(null, caseNumber, 0, MOST).stream()
                .filter(entry -> recipient == null || recipient.equals(entry.recipient()))
                .map(entry -> new CaseMail(entry.recipient(), entry.subject(), entry.createdAt(), entry.sentAt(),
                        switch (entry.status()) {
                            case SENT -> "已发送";
                            case FAILED -> "发送失败";
                            default -> "待发送";
                        }))
                .toList();
    }
}
