package cn.parkflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * The SMTP adapter on Spring's {@link JavaMailSender} (Jakarta Mail). It sets the connect, read
 * and write timeouts on the sender itself, because Jakarta Mail's default is to wait forever and
 * one hung server must not stall the relay; the reply to a mail's end of data alone is awaited
 * longer ({@link PatientSmtpTransport}), so a slow server does not get the mail twice. With Spring's {@link JavaMailSenderImpl} (the usual
 * case) a session keeps one SMTP connection open for all its mails; after any failure it
 * reconnects for the next mail rather than trust the connection.
 */
class SmtpMailAdapter implements MailPort {

    private static final Logger log = LoggerFactory.getLogger(SmtpMailAdapter.class);

    private final JavaMailSender sender;
    private final String from;
    private final String fromName;

    SmtpMailAdapter(JavaMailSender sender, NotificationProperties properties) {
        this.sender = sender;
        this.from = properties.from();
        this.fromName = properties.fromName();
        applyTimeouts(sender, properties.timeouts());
    }

    @Override
    public Session session() {
        if (sender instanceof JavaMailSenderImpl impl) {
            return new SmtpSession(impl);
        }
        return new Session() {
            @Override
            public void send(OutgoingMail mail) throws DeliveryException {
                try {
                    sender.send(toMime(mail));
                } catch (MailException | MessagingException | UnsupportedEncodingException e) {
                    throw DeliveryFailures.classify(e);
                }
            }

            @Override
            public void close() {
            }
        };
    }

    private MimeMessage toMime(OutgoingMail mail) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                "UTF-8");
        helper.setFrom(from, fromName);
        helper.setTo(mail.to());
        helper.setSubject(mail.content().subject());
        helper.setText(mail.content().text(), mail.content().html());
        if (mail.attachment() != null) {
            // the helper encodes the Chinese file name (RFC 2231)
            helper.addAttachment(mail.attachment().fileName(),
                    new ByteArrayResource(mail.attachment().bytes()), mail.attachment().contentType());
        }
        message.setSentDate(new Date());
        message.saveChanges();
        // after saveChanges, which would invent one: the same notification always carries the same Message-ID
        message.setHeader("Message-ID", mail.messageId());
        if (mail.originalTo() != null) {
            message.setHeader("X-Parkflow-Original-To", mail.originalTo());
        }
        return message;
    }

    private final class SmtpSession implements Session {

        private final JavaMailSenderImpl impl;
        private Transport transport;

        SmtpSession(JavaMailSenderImpl impl) {
            this.impl = impl;
        }

        @Override
        public void send(OutgoingMail mail) throws DeliveryException {
            MimeMessage message;
            try {
                message = toMime(mail);
            } catch (MessagingException | UnsupportedEncodingException e) {
                throw DeliveryFailures.classify(e);
            }
            if (transport == null) {
                connect();
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw DeliveryFailures.classify(e);
            }
        }

        /** A server that cannot be reached, never greets, refuses its greeting or our login fails every mail alike. */
        private void connect() throws DeliveryException {
            try {
                String protocol = impl.getProtocol() == null ? "smtp" : impl.getProtocol();
                // plain SMTP (STARTTLS included) waits longer for the reply that says a mail was taken
                transport = "smtp".equals(protocol) ? impl.getSession().getTransport(PatientSmtpTransport.PROVIDER)
                        : impl.getSession().getTransport(protocol);
                transport.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            } catch (MessagingException e) {
                close();
                throw DeliveryFailures.serverUnavailable(e);
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    log.debug("Closing the SMTP connection failed: {}", e.toString());
                }
                transport = null;
            }
        }
    }

    static void applyTimeouts(JavaMailSender sender, NotificationProperties.Timeouts timeouts) {
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            log.warn("Mail sender {} is not a JavaMailSenderImpl; configure its SMTP timeouts yourself",
                    sender.getClass().getName());
            return;
        }
        Properties properties = new Properties();
        properties.putAll(impl.getJavaMailProperties());
        for (String protocol : new String[] {"smtp", "smtps"}) {
            properties.setProperty("mail." + protocol + ".connectiontimeout", millis(timeouts.connect()));
            properties.setProperty("mail." + protocol + ".timeout", millis(timeouts.read()));
            properties.setProperty("mail." + protocol + ".writetimeout", millis(timeouts.write()));
        }
        properties.setProperty(PatientSmtpTransport.FINAL_REPLY_TIMEOUT, millis(timeouts.finalReply()));
        // a new Properties object makes the sender build a fresh session with these values
        impl.setJavaMailProperties(properties);
    }

    private static String millis(Duration duration) {
        return Long.toString(duration.toMillis());
    }
}
