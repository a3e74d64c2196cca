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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback TCP port in front of a real SMTP server (GreenMail) that a test can switch:
 * {@link Mode#FORWARD} passes everything through, {@link Mode#DOWN} refuses connections,
 * {@link Mode#SILENT} accepts connections and never answers, {@link Mode#REJECT} speaks SMTP
 * itself and rejects every recipient with 550 (a permanent failure).
 */
final class SmtpGate implements AutoCloseable {

    enum Mode { FORWARD, DOWN, SILENT, REJECT }

    private final int port;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;

    SmtpGate(int targetPort) {
        this.targetPort = targetPort;
        this.server = bind(0);
        this.port = server.getLocalPort();
        acceptLoop(server);
    }

    int port() {
        return port;
    }

    /** Connections accepted so far. */
    int connections() {
        return connections.get();
    }

    synchronized void mode(Mode next) {
        if (next == Mode.DOWN && server != null) {
            closeQuietly(server);
            server = null;
        } else if (next != Mode.DOWN && server == null) {
            server = bind(port);
            acceptLoop(server);
        }
        if (next != mode) {
            // connections held by the previous mode end, as they would when a server changes state
            open.forEach(SmtpGate::closeQuietly);
            open.clear();
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
                case FORWARD -> forward(client);
                case REJECT -> reject(client);
                default -> { } // SILENT: hold the connection open and say nothing
            }
        } catch (IOException ended) {
            closeQuietly(client);
        }
    }

    private void forward(Socket client) throws IOException {
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(target);
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

    private static void reject(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII);
        reply(out, "220 reject.test ESMTP");
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String command = line.toUpperCase(Locale.ROOT);
            if (command.startsWith("EHLO") || command.startsWith("HELO")) {
                reply(out, "250 reject.test");
            } else if (command.startsWith("RCPT")) {
                reply(out, "550 5.1.1 " + line.substring(line.indexOf(':') + 1).trim() + ": Recipient address rejected: User unknown");
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
