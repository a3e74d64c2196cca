package cn.parkflow.notification;

/**
 * Sends mail now, or says why not and whether trying again could help. A relay pass opens one
 * {@link Session} and sends its mails through it, so an SMTP adapter can reuse one connection
 * (connection set-up, TLS and login cost far more than one message).
 */
interface MailPort {

    Session session();

    /** One mail in a session of its own. */
    default void send(OutgoingMail mail) throws DeliveryException {
        try (Session session = session()) {
            session.send(mail);
        }
    }

    /** A series of sends; connects on the first one, disconnects on close. */
    interface Session extends AutoCloseable {

        void send(OutgoingMail mail) throws DeliveryException;

        @Override
        void close();
    }
}
