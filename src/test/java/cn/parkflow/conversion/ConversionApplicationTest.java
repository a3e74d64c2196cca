package cn.parkflow.conversion;

import cn.parkflow.support.PostgresApplicationTest;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The application on PostgreSQL with a real SMTP server (GreenMail) for the conversion's HTTP tests;
 * one Spring context shared by them.
 */
abstract class ConversionApplicationTest extends PostgresApplicationTest {

    static final GreenMail MAIL = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

    static {
        MAIL.start();
    }

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
        registry.add("parkflow.notification.relay.poll-interval", () -> "200ms");
        registry.add("parkflow.notification.relay.initial-backoff", () -> "200ms");
        registry.add("parkflow.notification.relay.max-backoff", () -> "1s");
    }

    /** Waits up to 60 s for asynchronous work (job executor, mail relay), polling every 200 ms. */
    static void await(String what, BooleanSupplier condition) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Mails to {@code address} whose subject or text names {@code text}. */
    static List<MimeMessage> mailTo(String address, String text) {
        return Arrays.stream(MAIL.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.toString(message.getAllRecipients()).contains(address)
                        && (message.getSubject() + text(message.getContent())).contains(text);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i).getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
