package cn.parkflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One GreenMail per test JVM behind an {@link SmtpGate}, shared by the Spring contexts of the
 * notification tests (a cached context keeps its mail server). Tests tell their mail apart by
 * case number in the subject.
 */
final class TestMailServer {

    static final GreenMail GREEN_MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    static final SmtpGate GATE;

    static {
        GREEN_MAIL.start();
        GATE = new SmtpGate(GREEN_MAIL.getSmtp().getPort());
    }

    private TestMailServer() {
    }

    /** Sends the context's mail through the gate, with short timeouts and quick retries. */
    static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", GATE::port);
        registry.add("parkflow.notification.base-url", () -> "https://parkflow.test");
        registry.add("parkflow.notification.timeouts.connect", () -> "1s");
        registry.add("parkflow.notification.timeouts.read", () -> "1s");
        registry.add("parkflow.notification.timeouts.write", () -> "1s");
        registry.add("parkflow.notification.timeouts.final-reply", () -> "10s");
        registry.add("parkflow.notification.relay.poll-interval", () -> "200ms");
        registry.add("parkflow.notification.relay.initial-backoff", () -> "200ms");
        registry.add("parkflow.notification.relay.max-backoff", () -> "1s");
        registry.add("parkflow.notification.relay.max-attempts", () -> "100");
        registry.add("parkflow.notification.relay.lease", () -> "30s");
    }

    /** Mail received so far whose subject names the case. */
    static List<MimeMessage> about(String caseNumber) {
        return Arrays.stream(GREEN_MAIL.getReceivedMessages()).filter(message -> subject(message).contains(caseNumber))
                .toList();
    }

    static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String to(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
