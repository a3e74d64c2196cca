package cn.parkflow.webapp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Headless Chromium from Debian's packages, driven over the DevTools protocol. Nothing is
 * downloaded except through apt, and only on a CI machine where we run as root.
 */
final class Chromium implements AutoCloseable {

    /** Chromium itself, and a font with Chinese glyphs so the screenshots are legible. */
    static final List<String> PACKAGES = List.of("chromium", "fonts-wqy-microhei");
    private static final List<Path> BINARIES = List.of(Path.of("/usr/bin/chromium"),
            Path.of("/usr/bin/chromium-browser"), Path.of("/usr/bin/google-chrome"));
    static final Path INSTALL_LOG = Path.of("target", "chromium-install.log");
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final Process process;
    private final Path profile;
    private final int port;

    private Chromium(Process process, Path profile, int port) {
        this.process = process;
        this.profile = profile;
        this.port = port;
    }

    static Optional<Path> find() {
        return BINARIES.stream().filter(Files::isExecutable).findFirst();
    }

    static boolean mayInstall() {
        return "true".equalsIgnoreCase(System.getenv("CI")) && "root".equals(System.getProperty("user.name"));
    }

    /** apt-get install of whichever of {@link #PACKAGES} is missing; returns false on failure. */
    static boolean install() throws IOException, InterruptedException {
        List<String> missing = new ArrayList<>();
        for (String pkg : PACKAGES) {
            if (!installed(pkg)) {
                missing.add(pkg);
            }
        }
        if (missing.isEmpty()) {
            return true;
        }
        System.err.println("[chromium] installing Debian packages " + missing + " (CI=true, root)");
        Instant deadline = Instant.now().plus(INSTALL_TIMEOUT);
        if (run(INSTALL_TIMEOUT, "apt-get", "update") != 0) {
            return false;
        }
        List<String> command = new ArrayList<>(List.of("apt-get", "install", "-y", "--no-install-recommends"));
        command.addAll(missing);
        return run(Duration.between(Instant.now(), deadline), command.toArray(String[]::new)) == 0;
    }

    private static boolean installed(String pkg) throws IOException, InterruptedException {
        Process query = new ProcessBuilder("dpkg-query", "-W", "-f=${Status}", pkg).redirectErrorStream(true).start();
        String status = new String(query.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return query.waitFor(30, TimeUnit.SECONDS) && status.contains("install ok installed");
    }

    static Chromium start(Path binary) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("parkflow-chromium-");
        Process process = new ProcessBuilder(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--remote-allow-origins=*",
                "--lang=zh-CN", "--accept-lang=zh-CN", "--window-size=1440,900", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        // Chromium writes the port it picked into DevToolsActivePort once it listens
        Path portFile = profile.resolve("DevToolsActivePort");
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline) && process.isAlive()) {
            if (Files.exists(portFile)) {
                List<String> lines = Files.readAllLines(portFile, StandardCharsets.UTF_8);
                if (!lines.isEmpty() && !lines.get(0).isBlank()) {
                    return new Chromium(process, profile, Integer.parseInt(lines.get(0).trim()));
                }
            }
            Thread.sleep(100);
        }
        String log = Files.readString(profile.resolve("chromium.log"), StandardCharsets.UTF_8);
        process.destroyForcibly();
        throw new IllegalStateException("Chromium did not start within " + START_TIMEOUT + ":\n" + log);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static int run(Duration timeout, String... command) throws IOException, InterruptedException {
        // not inheritIO: the test JVM's stdout is Surefire's channel; apt's output goes to a file
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(INSTALL_LOG.toFile()));
        builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
        Process process = builder.start();
        if (!process.waitFor(Math.max(1, timeout.toSeconds()), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            System.err.println("[chromium] timed out after " + timeout + ": " + String.join(" ", command));
            return -1;
        }
        if (process.exitValue() != 0) {
            System.err.println("[chromium] exit " + process.exitValue() + ": " + String.join(" ", command)
                    + " (output in " + INSTALL_LOG + ")");
        }
        return process.exitValue();
    }
}
