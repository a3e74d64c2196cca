package cn.parkflow.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.exception.LiquibaseException;
import liquibase.integration.spring.SpringLiquibase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs and upgrades Camunda's own schema ({@code ACT_*}) with the Liquibase changelog Camunda
 * ships in the engine jar, Camunda's supported way (docs: "Install the Database Schema",
 * Liquibase). Spring Boot runs it as a database initializer before the process engine is built
 * ({@link ProcessEngineWaitsForSchema}); the engine's own {@code schema-update} stays off.
 *
 * <p>A database created earlier with Camunda's SQL scripts has {@code ACT_*} tables but no
 * Liquibase history. As Camunda documents for moving such a database to Liquibase, the changelog
 * is first marked as run up to the tag of the schema's version (read from
 * {@code ACT_GE_SCHEMA_LOG}, which the scripts fill), then updated: nothing is created twice, and
 * only the upgrades after that version run.
 */
class CamundaSchema extends SpringLiquibase {

    static final String CHANGELOG = "classpath:org/camunda/bpm/engine/db/liquibase/camunda-changelog.xml";
    /** The changelog starts at 7.16.0; older schemas are upgraded with Camunda's scripts first. */
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\..*");

    private static final Logger log = LoggerFactory.getLogger(CamundaSchema.class);

    CamundaSchema() {
        setChangeLog(CHANGELOG);
    }

    @Override
    public void afterPropertiesSet() throws LiquibaseException {
        try (Connection connection = getDataSource().getConnection()) {
            if (hasTable(connection, "act_ge_property") && !hasTable(connection, changeLogTable())) {
                String tag = tagOf(schemaVersion(connection).orElseThrow(() -> new IllegalStateException(
                        "Camunda tables exist but ACT_GE_SCHEMA_LOG names no version: upgrade the schema "
                                + "with Camunda's scripts, then start again")));
                log.info("Camunda schema created by Camunda's SQL scripts, version {}: recording it in Liquibase's "
                        + "history up to tag {} instead of installing it again", tag, tag);
                Liquibase liquibase = createLiquibase(connection);
                liquibase.changeLogSync(tag, new Contexts(), new LabelExpression());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot inspect the database for Camunda's schema", e);
        }
        super.afterPropertiesSet();
    }

    private String changeLogTable() {
        return getDatabaseChangeLogTable() == null ? "databasechangelog" : getDatabaseChangeLogTable();
    }

    /** 7.24.3 → 7.24.0, the tag the changelog sets after the 7.24 upgrade. */
    static String tagOf(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.matches()) {
            throw new IllegalStateException("Unexpected Camunda schema version " + version);
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        if (major != 7 || minor < 16) {
            throw new IllegalStateException("Camunda schema " + version + " is older than the Liquibase changelog "
                    + "(7.16): upgrade it to 7.16 with Camunda's scripts first");
        }
        return major + "." + minor + ".0";
    }

    private static Optional<String> schemaVersion(Connection connection) throws SQLException {
        if (!hasTable(connection, "act_ge_schema_log")) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT VERSION_ FROM ACT_GE_SCHEMA_LOG "
                     + "ORDER BY TIMESTAMP_ DESC, ID_ DESC")) {
            return rows.next() ? Optional.ofNullable(rows.getString(1)) : Optional.empty();
        }
    }

    private static boolean hasTable(Connection connection, String name) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        for (String candidate : new String[] {name.toLowerCase(Locale.ROOT), name.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = metaData.getTables(connection.getCatalog(), connection.getSchema(), candidate, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
