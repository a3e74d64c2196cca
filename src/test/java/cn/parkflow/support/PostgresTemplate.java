package cn.parkflow.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flywaydb.core.Flyway;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * What every test JVM's PostgreSQL starts from, made once per build under {@code target/}: the
 * unpacked server binaries, and a cluster whose {@code parkflow} database already holds our Flyway
 * migrations and Camunda's schema. A test JVM copies the cluster instead of running initdb, the
 * engine's DDL and every migration again (the application then finds its schema up to date, as
 * on any restart). The cluster's directory is named by a digest of the migrations, so a changed
 * or added migration makes a new one. Test JVMs run side by side: the first makes it under a
 * file lock, the others wait for it.
 */
final class PostgresTemplate {

    private static final Path ROOT = Path.of("target", "postgres-template").toAbsolutePath();

    private PostgresTemplate() {
    }

    /** The unpacked binaries, shared read-only by every server of the build. */
    static Path binaries(Unpacker unpack) {
        return once(ROOT.resolve("binaries"), () -> {
            Path binaries = ROOT.resolve("binaries.partial");
            deleteTree(binaries);
            unpack.into(binaries);
            return binaries;
        });
    }

    /** The migrated cluster's data directory, to be copied, never run. */
    static Path migratedCluster(ClusterMaker initdb) {
        return once(ROOT.resolve("cluster-" + digestOfMigrations()), () -> {
            Path staging = ROOT.resolve("cluster.partial");
            deleteTree(staging);
            initdb.make(staging, PostgresTemplate::migrate);
            return staging;
        });
    }

    /** Our migrations first, then Camunda's schema: the order in which the application makes them. */
    private static void migrate(String jdbcUrl) {
        Flyway.configure().dataSource(jdbcUrl, "postgres", "").locations("classpath:db/migration")
                .baselineOnMigrate(true).baselineVersion("0").load().migrate();
        StandaloneProcessEngineConfiguration engine = new StandaloneProcessEngineConfiguration();
        engine.setJdbcUrl(jdbcUrl);
        engine.setJdbcUsername("postgres");
        engine.setJdbcPassword("");
        engine.setJdbcDriver("org.postgresql.Driver");
        engine.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
        // the Spring Boot starter's level: the engine stores it with the schema and refuses another
        engine.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
        engine.setJobExecutorActivate(false);
        engine.setProcessEngineName("postgres-template");
        ProcessEngine built = engine.buildProcessEngine();
        built.close();
    }

    /** Makes {@code target} with {@code maker} unless an earlier JVM of this build already did. */
    private static synchronized Path once(Path target, Callable<Path> maker) {
        try {
            Files.createDirectories(ROOT);
            try (FileChannel channel = FileChannel.open(ROOT.resolve(".lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                if (!Files.isDirectory(target)) {
                    Files.move(maker.call(), target);
                }
                return target;
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not prepare the tests' PostgreSQL template " + target, e);
        }
    }

    private static String digestOfMigrations() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/*");
            java.util.Arrays.sort(migrations, java.util.Comparator.comparing(Resource::getFilename));
            for (Resource migration : migrations) {
                digest.update(migration.getFilename().getBytes());
                try (InputStream in = migration.getInputStream()) {
                    digest.update(in.readAllBytes());
                }
            }
            digest.update(String.valueOf(ProcessEngine.class.getPackage().getImplementationVersion()).getBytes());
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    interface Unpacker {
        void into(Path directory) throws IOException;
    }

    interface ClusterMaker {
        /** Makes a cluster in {@code data}, runs {@code migrate} on its parkflow database, stops it. */
        void make(Path data, java.util.function.Consumer<String> migrate) throws Exception;
    }
}
