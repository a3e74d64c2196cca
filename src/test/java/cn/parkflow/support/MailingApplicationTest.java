package cn.parkflow.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The look-ups a process's end-to-end test makes on the application ({@link PostgresApplicationTest},
 * whose GreenMail receives the mails): mail to an address, its subject, recipients and text, and a
 * bounded wait for the job executor and the mail relay. The configuration is the base class's, so
 * these classes share their context with every other application test.
 */
public abstract class MailingApplicationTest extends PostgresApplicationTest {

    /** Waits up to 60 s for asynchronous work (job executor, mail relay), polling every 200 ms. */
    protected static void await(String what, BooleanSupplier condition) {
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

    /** The first unassigned or own task of this kind the user sees, once the job executor has got there. */
    protected String waitForTask(String number, String taskKey, String user) {
        String[] id = new String[1];
        await(taskKey + " for " + user, () -> (id[0] = http().openTask(number, taskKey, user)) != null);
        return id[0];
    }

    /** Mail to {@code address} that mentions {@code text} in its subject or body. */
    protected static List<MimeMessage> mailTo(String address, String text) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(message -> recipients(message).contains(address))
                .filter(message -> (subject(message) + body(message)).contains(text))
                .toList();
    }

    protected static String subject(MimeMessage message) {
        try {
            return String.valueOf(message.getSubject());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String body(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static String text(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                text.append(text(part.getContent()));
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
