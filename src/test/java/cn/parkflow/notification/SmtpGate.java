package cn.parkflow.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP port in front of a real SMTP server (GreenMail) that a test can switch (also
 * used by the fault suite, hence public). In every mode but {@link Mode#FORWARD},
 * {@link Mode#DOWN} and {@link Mode#SILENT} the gate speaks SMTP itself and delivers nothing.
 */
public final class SmtpGate implements AutoCloseable {

    public enum Mode {
        /** Passes everything through to the real server. */
        FORWARD,
        /** Refuses connections. */
        DOWN,
        /** Accepts connections and never answers (a hung server). */
        SILENT,
        /** Rejects every recipient with 550 User unknown: a permanent failure of that address. */
        REJECT,
        /** Answers every recipient with 450 (greylisting, a rate limit): try this mail again later. */
        BUSY,
        /** Refuses our sender with 554 (e.g. our host is blocked): the server refuses every mail alike. */
        REFUSE,
        /** Greets with 554: no SMTP service here for now. */
        CLOSED,
        /** Takes every mail, but answers the end of its data only after {@link #SLOW_CONFIRMATION} (a loaded server). */
        SLOW_TO_CONFIRM
    }

    public static final java.time.Duration SLOW_CONFIRMATION = java.time.Duration.ofMillis(2500);
    private static final AtomicInteger ACCEPTED = new AtomicInteger();

    private final int port;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final Set<Socket> forwarding = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;

    public SmtpGate(int targetPort) {
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    public int port() {
        return port;
    }

    /** Mails the gate itself took (end of data answered 250) in mode {@link Mode#SLOW_TO_CONFIRM}, by all gates. */
    public static int accepted() {
        return ACCEPTED.get();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    public synchronized void mode(Mode next) {
        if (next == Mode.DOWN && server != null) {
            closeQuietly(server);
            server = null;
        } else if (next != Mode.DOWN && server == null) {
            server = bind(port);
            acceptLoop(server);
        }
        if (next != mode) {
            // connections held by the previous mode end, as they would when a server changes state; a
            // session with the real server runs to its end (cut after its last "." it could not but
            // be sent again, SMTP's one unavoidable duplicate)
            open.stream().filter(socket -> !forwarding.contains(socket)).forEach(SmtpGate::closeQuietly);
            open.retainAll(forwarding);
        }
        mode = next;
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            closeQuietly(server);
        }
        open.forEach(SmtpGate::closeQuietly);
    }

    private void acceptLoop(ServerSocket listening) {
        Thread thread = new Thread(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    connections.incrementAndGet();
                    open.add(client);
                    Mode current = mode;
                    daemon(() -> handle(client, current));
                } catch (IOException closed) {
                    return;
                }
            }
        }, "smtp-gate-accept");
        thread.setDaemon(true);
        thread.start();
    }

    private void handle(Socket client, Mode current) {
        try {
            switch (current) {
                case FORWARD -> {
                    forwarding.add(client);
                    forward(client);
                }
                case SILENT -> { } // hold the connection open and say nothing
                case DOWN -> closeQuietly(client);
                default -> speak(client, current);
            }
        } catch (IOException ended) {
            closeQuietly(client);
        }
    }

    private void forward(Socket client) throws IOException {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(target);
        forwarding.add(target);
        daemon(() -> pipe(target, client));
        pipe(client, target);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ended) {
            // one side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void speak(Socket client, Mode mode) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        if (mode == Mode.CLOSED) {
            reply(out, "554 5.3.2 gate.test no SMTP service here at the moment");
            client.close();
            return;
        }
        reply(out, "220 gate.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            String address = line.substring(line.indexOf(':') + 1).trim();
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 gate.test");
            } else if (command.startsWith("MAIL") && mode == Mode.REFUSE) {
                reply(out, "554 5.7.1 Service unavailable; client host blocked");
            } else if (command.startsWith("RCPT") && mode == Mode.REJECT) {
                reply(out, "550 5.1.1 " + address + ": Recipient address rejected: User unknown");
            } else if (command.startsWith("RCPT") && mode == Mode.BUSY) {
                reply(out, "450 4.7.1 " + address + ": Recipient address rejected: Greylisted, try again later");
            } else if (command.startsWith("DATA") && mode == Mode.SLOW_TO_CONFIRM) {
                reply(out, "354 go ahead");
                for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                    // the mail
                }
                try {
                    Thread.sleep(SLOW_CONFIRMATION.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                ACCEPTED.incrementAndGet();
                reply(out, "250 2.0.0 queued");
            } else if (command.startsWith("QUIT")) {
                reply(out, "221 bye");
                break;
            } else {
                reply(out, "250 OK");
            }
        }
        client.close();
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    private static ServerSocket bind(int port) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return socket;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "smtp-gate");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
