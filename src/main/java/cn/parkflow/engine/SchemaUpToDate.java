package cn.parkflow.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Flyway's migrate at start, skipped when the database already holds exactly the migrations on the
 * classpath: the same versions, descriptions and checksums (Flyway's: a CRC32 of the file's lines),
 * every one applied successfully. A restart then costs one query instead of Flyway's first use, about
 * half a second on our machines. Anything else runs Flyway's migrate as before, which validates and
 * migrates or refuses: a new or changed migration, a failed, baseline or unknown row (Flyway's own
 * notes that it created its table or a schema aside), a database
 * without Flyway's table, a location outside the classpath, a file that is not a versioned SQL
 * migration.
 */
@Component
class SchemaUpToDate implements FlywayMigrationStrategy {

    private static final Logger log = LoggerFactory.getLogger(SchemaUpToDate.class);
    private static final Set<String> MARKERS = Set.of("TABLE", "SCHEMA");

    /** One versioned migration, as Flyway records it in its table. */
    record Migration(String version, String description, int checksum) {
    }

    @Override
    public void migrate(Flyway flyway) {
        Set<Migration> local = local(flyway.getConfiguration());
        if (local != null && !local.isEmpty() && local.equals(applied(flyway.getConfiguration()))) {
            log.info("Database schema holds the {} migrations on the classpath: Flyway's migrate skipped", local.size());
            return;
        }
        flyway.migrate();
    }

    /** The versioned SQL migrations in Flyway's classpath locations; null if there is anything else. */
    static Set<Migration> local(Configuration configuration) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(configuration.getClassLoader());
        String prefix = configuration.getSqlMigrationPrefix();
        String separator = configuration.getSqlMigrationSeparator();
        Set<Migration> found = new HashSet<>();
        try {
            for (Location location : configuration.getLocations()) {
                if (!location.isClassPath()) {
                    return null;
                }
                for (Resource file : resolver.getResources("classpath*:" + location.getRootPath() + "/**/*")) {
                    String name = file.getFilename();
                    if (name == null || !file.isReadable()) {
                        continue;
                    }
                    int split = name.indexOf(separator);
                    String suffix = Arrays.stream(configuration.getSqlMigrationSuffixes()).filter(name::endsWith)
                            .findFirst().orElse(null);
                    if (!name.startsWith(prefix) || split < 0 || suffix == null) {
                        return null;
                    }
                    found.add(new Migration(name.substring(prefix.length(), split),
                            name.substring(split + separator.length(), name.length() - suffix.length()).replace('_', ' '),
                            checksum(file, configuration.getEncoding())));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Flyway's checksum: a CRC32 over the file's lines without their line breaks (and without a BOM). */
    static int checksum(Resource file, Charset encoding) throws IOException {
        CRC32 crc = new CRC32();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file.getInputStream(), encoding))) {
            String line = lines.readLine();
            if (line != null && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            for (; line != null; line = lines.readLine()) {
                crc.update(line.getBytes(StandardCharsets.UTF_8));
            }
        }
        return (int) crc.getValue();
    }

    /** What Flyway's table records, if every row is a successful versioned SQL migration; else null. */
    static Set<Migration> applied(Configuration configuration) {
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        // Flyway creates its table and columns with quoted lower-case names (H2 folds unquoted ones to upper case)
        String table = (schema == null ? "" : '"' + schema + "\".") + '"' + configuration.getTable() + '"';
        Set<Migration> applied = new HashSet<>();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT \"version\", \"description\", \"type\", \"checksum\", \"success\" FROM " + table)) {
            while (rows.next()) {
                if (MARKERS.contains(rows.getString("type"))) {
                    continue; // Flyway's notes that it created its table or a schema, not migrations
                }
                int checksum = rows.getInt("checksum");
                if (rows.wasNull() || !"SQL".equals(rows.getString("type")) || !rows.getBoolean("success")
                        || rows.getString("version") == null) {
                    return null;
                }
                applied.add(new Migration(rows.getString("version"), rows.getString("description"), checksum));
            }
        } catch (SQLException e) {
            return null; // no table yet, or unreadable: Flyway decides
        }
        return applied;
    }
}
