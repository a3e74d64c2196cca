package cn.parkflow.support;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real PostgreSQL server for tests, from the binaries zonky publishes on Maven Central, one per
 * test JVM, started on a copy of the build's migrated template ({@link PostgresTemplate}). PostgreSQL refuses to run as root, and our machines build as root, so when the JVM
 * is root the server runs as {@code nobody} through {@code setpriv}. Unlike zonky's defaults,
 * {@code synchronous_commit} and {@code fsync} stay on: tests that claim "nothing lost" need them.
 */
public final class PostgresTestServer {

    private static PostgresTestServer shared;

    private static Path binaries;
    /** The temporary directory of a copied cluster, removed when the JVM ends; null for the template's. */
    private final Path home;
    private final Path data;
    private final int port;

    private PostgresTestServer(Path home, Path data) throws IOException {
        this.home = home;
        this.data = data;
        this.port = freePort();
    }

    /** A new cluster in {@code data}, with an empty {@code parkflow} database, running. */
    private static PostgresTestServer initdb(Path data) throws IOException, InterruptedException {
        Files.createDirectory(data, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        own(data);
        PostgresTestServer server = new PostgresTestServer(null, data);
        run(server.bin("initdb"), "-A", "trust", "-U", "postgres", "-D", data.toString(), "-E", "UTF-8", "--locale=C");
        server.startServer();
        server.query("postgres", "CREATE DATABASE parkflow");
        return server;
    }

    /** A server on a copy of {@code source}, a stopped cluster; the copy is removed when the JVM ends. */
    private static PostgresTestServer copyOf(Path source) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("parkflow-pg");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        PostgresTestServer server = new PostgresTestServer(home, home.resolve("data"));
        copyTree(source, server.data);
        server.startServer();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    /** The build's migrated template cluster: made here once, by whichever test JVM comes first. */
    private static Path migratedTemplate() {
        binaries();
        return PostgresTemplate.migratedCluster((data, migrate) -> {
            PostgresTestServer maker = initdb(data);
            try {
                migrate.accept(maker.jdbcUrl());
            } finally {
                maker.stopServer();
            }
        });
    }

    /**
     * A file-system-level backup (PostgreSQL manual, "File System Level Backup"): the server is shut
     * down cleanly, its whole data directory copied to {@code target}, and started again. The
     * binaries on Maven Central bring no pg_dump, so this is the backup the tests can take.
     */
    public synchronized void backupTo(Path target) {
        try {
            run(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
            copyTree(data, target);
            startServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A second server of this JVM on a copy of a backup taken by {@link #backupTo}. */
    public static PostgresTestServer restoredFrom(Path backup) {
        try {
            return copyOf(backup);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwx------"));
                } else if (!source.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
                own(target);
            }
        }
    }

    private static void own(Path path) throws IOException {
        if (isRoot()) {
            Files.setOwner(path, path.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        }
    }

    /** The server of this JVM, started on first use. */
    public static synchronized PostgresTestServer shared() {
        if (shared == null) {
            try {
                shared = copyOf(migratedTemplate());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return shared;
    }

    /** Starts the server (again); for fault tests that take the database away under load. */
    public void startServer() throws IOException, InterruptedException {
        run(bin("pg_ctl"), "-D", data.toString(), "-l", data.resolve("server.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' "
                        + "-c synchronous_commit=on -c fsync=on -c max_connections=300", "start");
    }

    /** Stops the server as an operator or a failover would: open connections are cut (fast shutdown). */
    public void stopServer() throws IOException, InterruptedException {
        run(bin("pg_ctl"), "-D", data.toString(), "-m", "fast", "-w", "-t", "60", "stop");
    }

    /**
     * Freezes the server and every backend (SIGSTOP), as a stalled disk or a paused VM would: TCP
     * connections stay open, nothing answers. {@link #thaw()} lets it go on.
     */
    public void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    public void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(data.resolve("postmaster.pid")).get(0).strip());
        List<String> command = new ArrayList<>(List.of("kill", signal, String.valueOf(postmaster)));
        ProcessHandle.of(postmaster).orElseThrow().descendants()
                .forEach(backend -> command.add(String.valueOf(backend.pid())));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!kill.waitFor(30, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new IllegalStateException("could not signal PostgreSQL: " + command);
        }
    }

    /** Points a Spring test context at the shared {@code parkflow} database. */
    public static void register(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> shared().jdbcUrl());
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
        registry.add("spring.datasource.driver-class-name", () -> "org.postgresql.Driver");
    }

    /** The server's log file (where auto_explain writes its plans, for example). */
    public Path serverLog() {
        return data.resolve("server.log");
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/parkflow";
    }

    /** A new, empty database on this server; returns its JDBC URL. */
    public String createDatabase(String name) {
        query("CREATE DATABASE " + name);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** {@link #createDatabase} the first time it is asked for in this JVM, its URL after that. */
    public synchronized String createDatabaseOnce(String name) {
        if (!"1".equals(query("postgres", "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"))) {
            createDatabase(name);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Runs one SQL statement as the superuser and returns the first column of the first row, if any. */
    public String query(String sql) {
        return query("parkflow", sql);
    }

    /** Runs one SQL statement in the given database; returns the first column of the first row, if any. */
    public String query(String database, String sql) {
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
        try (Connection connection = DriverManager.getConnection(url, "postgres", "");
             Statement statement = connection.createStatement()) {
            if (!statement.execute(sql)) {
                return null;
            }
            try (ResultSet result = statement.getResultSet()) {
                return result.next() ? result.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed on the test PostgreSQL: " + sql, e);
        }
    }

    /**
     * Runs beside Spring's own shutdown hook: a "smart" stop waits until the application context
     * has closed its connections, so the application never sees its database vanish.
     */
    private void stop() {
        try {
            run(bin("pg_ctl"), "-D", data.toString(), "-m", "smart", "-w", "-t", "30", "stop");
        } catch (Exception stillBusy) {
            try {
                run(bin("pg_ctl"), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            } catch (Exception ignored) {
                // the JVM is going down; the server may be gone already
            }
        }
        deleteHome();
    }

    /** Each server copies its cluster (about 60 MB): leave nothing behind in /tmp. */
    private void deleteHome() {
        try {
            PostgresTemplate.deleteTree(home);
        } catch (IOException | UncheckedIOException ignored) {
            // best effort while the JVM goes down
        }
    }

    private String bin(String name) {
        return binaries().resolve("bin").resolve(name).toString();
    }

    private static synchronized Path binaries() {
        if (binaries == null) {
            binaries = PostgresTemplate.binaries(PostgresTestServer::extractBinaries);
        }
        return binaries;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (isRoot()) {
            line.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("PostgreSQL command failed: " + line + "\n" + output);
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void extractBinaries(Path target) throws IOException {
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", "x86_64");
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    Files.setPosixFilePermissions(path, permissions(entry.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> permissions = EnumSet.of(PosixFilePermission.OWNER_READ,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ, PosixFilePermission.OWNER_WRITE);
        if ((mode & 0100) != 0) {
            permissions.addAll(Set.of(PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_EXECUTE));
        }
        return permissions;
    }
}
