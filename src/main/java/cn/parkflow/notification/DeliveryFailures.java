package cn.parkflow.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.springframework.mail.MailSendException;

/**
 * Reads a Jakarta Mail / Spring failure: an SMTP 5xx reply or a malformed address is permanent,
 * a 4xx reply transient, and no connection or no answer in time means the server is unreachable.
 * A server that refuses service to every mail alike (a refused greeting or login, a reply other
 * than 250 to our one sender address) is no fault of the mail: it counts as unreachable too, so
 * the mail waits for the server instead of failing for good.
 */
final class DeliveryFailures {

    private DeliveryFailures() {
    }

    static DeliveryException classify(Exception failure) {
        List<Throwable> chain = chain(failure);
        for (Throwable cause : chain) {
            if (cause instanceof SMTPSendFailedException refused && refusesSender(refused)) {
                return serverUnavailable(failure);
            }
            int code = replyCode(cause);
            if (code >= 500) {
                return new DeliveryException(DeliveryException.Kind.PERMANENT, describe(cause), failure);
            }
            if (code >= 400) {
                return new DeliveryException(DeliveryException.Kind.TRANSIENT, describe(cause), failure);
            }
            if (cause instanceof AddressException) {
                return new DeliveryException(DeliveryException.Kind.PERMANENT, describe(cause), failure);
            }
        }
        for (Throwable cause : chain) {
            if (cause instanceof SocketTimeoutException || cause instanceof ConnectException
                    || cause instanceof UnknownHostException
                    || cause instanceof MailConnectException) {
                return new DeliveryException(DeliveryException.Kind.UNREACHABLE, describe(cause), failure);
            }
        }
        boolean io = chain.stream().anyMatch(IOException.class::isInstance);
        return new DeliveryException(io ? DeliveryException.Kind.UNREACHABLE : DeliveryException.Kind.TRANSIENT,
                describe(chain.get(chain.size() - 1)), failure);
    }

    /** Opening the session failed (no connection, no or a refused greeting, login refused): the server's fault. */
    static DeliveryException serverUnavailable(Exception failure) {
        List<Throwable> chain = chain(failure);
        // the deepest cause that says something: "Read timed out", "Connection refused", the refused greeting
        Throwable telling = chain.stream().filter(cause -> cause.getMessage() != null).reduce((first, second) -> second)
                .orElse(failure);
        return new DeliveryException(DeliveryException.Kind.UNREACHABLE, describe(telling), failure);
    }

    private static boolean refusesSender(SMTPSendFailedException failure) {
        String command = failure.getCommand();
        return command != null && command.regionMatches(true, 0, "MAIL FROM", 0, 9);
    }

    private static int replyCode(Throwable cause) {
        if (cause instanceof SMTPAddressFailedException failed) {
            return failed.getReturnCode();
        }
        if (cause instanceof SMTPSendFailedException failed) {
            return failed.getReturnCode();
        }
        return -1;
    }

    /** Every cause, including Spring's per-message exceptions and Jakarta Mail's "next" exceptions. */
    private static List<Throwable> chain(Throwable failure) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Throwable> ordered = new ArrayList<>();
        Deque<Throwable> todo = new ArrayDeque<>(List.of(failure));
        while (!todo.isEmpty()) {
            Throwable next = todo.poll();
            if (next == null || !seen.add(next)) {
                continue;
            }
            ordered.add(next);
            if (next instanceof MailSendException send) {
                todo.addAll(List.of(send.getMessageExceptions()));
            }
            if (next instanceof MessagingException messaging && messaging.getNextException() != null) {
                todo.add(messaging.getNextException());
            }
            if (next.getCause() != null) {
                todo.add(next.getCause());
            }
        }
        return ordered;
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
