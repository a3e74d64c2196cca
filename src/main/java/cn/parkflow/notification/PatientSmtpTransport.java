package cn.parkflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.Provider;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Jakarta Mail's SMTP transport, waiting longer for the one reply that decides whether a mail was
 * delivered: the answer to the final "." of DATA. The server may already hold the mail when the
 * read timeout strikes there; a relay that then sends it again delivers it twice. So that wait
 * lasts {@code parkflow.notification.timeouts.final-reply} (RFC 5321 §4.5.3.2.6 asks for 10
 * minutes), every other command keeps the short read timeout. Jakarta Mail creates it from its
 * {@link #PROVIDER} (asked for by {@link SmtpMailAdapter}) by reflection, hence public.
 */
public class PatientSmtpTransport extends SMTPTransport {

    /** The session property holding the final reply's bound in milliseconds. */
    static final String FINAL_REPLY_TIMEOUT = "parkflow.smtp.finalreplytimeout";
    static final Provider PROVIDER = new Provider(Provider.Type.TRANSPORT, "smtp",
            PatientSmtpTransport.class.getName(), "Parkflow", null);
    private static final Logger log = LoggerFactory.getLogger(PatientSmtpTransport.class);

    private long finalReplyDeadline;

    public PatientSmtpTransport(Session session, URLName url) {
        super(session, url);
    }

    @Override
    protected void finishData() throws IOException, MessagingException {
        finalReplyDeadline = System.nanoTime() + finalReplyTimeout().toNanos();
        try {
            super.finishData();
        } finally {
            finalReplyDeadline = 0;
        }
    }

    /** A read that times out while the final reply is awaited is read again (nothing of the reply was read yet). */
    @Override
    protected int readServerResponse() throws MessagingException {
        while (true) {
            try {
                return super.readServerResponse();
            } catch (MessagingException e) {
                if (finalReplyDeadline == 0 || !(e.getCause() instanceof SocketTimeoutException)
                        || System.nanoTime() - finalReplyDeadline > 0) {
                    throw e;
                }
                log.info("The SMTP server has not confirmed a mail yet; waiting for its reply rather than send it twice");
            }
        }
    }

    private Duration finalReplyTimeout() {
        String millis = session.getProperty(FINAL_REPLY_TIMEOUT);
        return millis == null ? Duration.ZERO : Duration.ofMillis(Long.parseLong(millis));
    }
}
