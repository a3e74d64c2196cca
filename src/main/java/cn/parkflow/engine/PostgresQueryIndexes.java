package cn.parkflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * On PostgreSQL, the indexes 本部门待办 reads through (README "Performance", S3), made once when the
 * engine is built (its tables exist then, however they were installed):
 * <ul>
 * <li>{@value #AUTHORIZATION_BY_RESOURCE}, a hash index on {@code ACT_RU_AUTHORIZATION.RESOURCE_ID_}: our
 * authorization check ({@code db/camunda/authorization-check.postgres.xml}) probes the table by
 * resource id once for every row a query checks. A hash probe reads one bucket page where Camunda's
 * B-tree index descends three levels; S3 at 100k went from 111 to 77 ms p95 in the same run.
 * <li>{@value #TASKS_BY_DUE_DATE}, on {@code ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC)}: a list sorted by
 * deadline reads a department's tasks in that order and stops at the page's end, as Tasklist's
 * default order (newest first) does through Camunda's index on {@code CREATE_TIME_}.
 * </ul>
 * A node that finds an index leaves its table alone; nodes starting together take an advisory lock,
 * so that one of them builds it.
 */
@Component
class PostgresQueryIndexes extends AbstractProcessEnginePlugin {

    static final String AUTHORIZATION_BY_RESOURCE = "parkflow_idx_auth_resource_hash";
    static final String TASKS_BY_DUE_DATE = "parkflow_idx_task_due_created";
    private static final long LOCK = 0x70617264L;

    /** An index: its name, and what follows "ON" in its definition, with the table's name unprefixed. */
    private record Index(String name, String on) {
    }

    private static final List<Index> INDEXES = List.of(
            new Index(AUTHORIZATION_BY_RESOURCE, "ACT_RU_AUTHORIZATION USING hash (RESOURCE_ID_)"),
            new Index(TASKS_BY_DUE_DATE, "ACT_RU_TASK (DUE_DATE_, CREATE_TIME_ DESC)"));

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        if (!"postgres".equals(configuration.getDatabaseType())) {
            return;
        }
        String prefix = configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection()) {
            for (Index index : INDEXES) {
                if (!exists(connection, prefix + index.name())) {
                    create(connection, index.name(), prefix + index.on());
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the indexes " + INDEXES, e);
        }
    }

    private static void create(Connection connection, String name, String on) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(" + LOCK + ")");
            statement.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + on);
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
    }

    /** Whether the index is there; asked first, because creating it, even "if not exists", locks the table's writes. */
    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            query.setString(1, name);
            try (ResultSet answer = query.executeQuery()) {
                return answer.next() && answer.getBoolean(1);
            }
        }
    }
}
