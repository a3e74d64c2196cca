package cn.parkflow.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Demo profile: an SMTP server inside the application, on the loopback interface, that keeps
 * every mail in memory so a first-time user can read what Parkflow "sent" without a mail server.
 * {@link DemoMailCatcherConfiguration} starts it only when no {@code spring.mail.host} is set.
 */
class DemoMailCatcher {

    private final GreenMail server;

    DemoMailCatcher(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        server = new GreenMail(port == 0 ? setup.dynamicPort() : setup);
        server.start();
    }

    int port() {
        return server.getSmtp().getPort();
    }

    void stop() {
        server.stop();
    }

    /** Newest first; index = position in arrival order, for {@link #html(int)}. */
    List<CaughtMail> mails() {
        MimeMessage[] received = server.getReceivedMessages();
        List<CaughtMail> mails = new ArrayList<>();
        for (int i = received.length - 1; i >= 0; i--) {
            mails.add(CaughtMail.of(i, received[i]));
        }
        return mails;
    }

    Optional<String> html(int index) {
        MimeMessage[] received = server.getReceivedMessages();
        if (index < 0 || index >= received.length) {
            return Optional.empty();
        }
        return Optional.ofNullable(part(received[index], "text/html"));
    }

    static String part(Part part, String type) {
        try {
            if (part.isMimeType(type)) {
                return part.getContent().toString();
            }
            if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart body = multipart.getBodyPart(i);
                    String found = part(body, type);
                    if (found != null) {
                        return found;
                    }
                }
            }
            return null;
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read a caught mail", e);
        }
    }

    /** A caught mail as the admin endpoint shows it. */
    record CaughtMail(int index, String to, String subject, Instant sentAt, String text, String messageId) {

        static CaughtMail of(int index, MimeMessage message) {
            try {
                return new CaughtMail(index, String.join(", ", Optional.ofNullable(message.getHeader("To"))
                        .orElse(new String[0])), message.getSubject(),
                        message.getSentDate() == null ? null : message.getSentDate().toInstant(),
                        part(message, "text/plain"), message.getMessageID());
            } catch (MessagingException e) {
                throw new IllegalStateException("Cannot read a caught mail", e);
            }
        }
    }
}
