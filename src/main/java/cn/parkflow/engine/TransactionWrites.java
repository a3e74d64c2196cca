package cn.parkflow.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;

/**
 * The rows the {@link TransactionBatch}es of one transaction and database wait to write, in the
 * order their statements were first used. They are sent before the transaction commits, or when
 * an owner flushes before reading. On PostgreSQL they go as one statement text of all the rows'
 * statements, which its driver sends in one round trip (up to {@link #ONE_ROUND_TRIP_AT_MOST}
 * rows; more go as JDBC batches, whose driver keeps a large exchange from filling the socket both
 * ways); elsewhere as one JDBC batch per statement.
 */
final class TransactionWrites {

    static final int ONE_ROUND_TRIP_AT_MOST = 200;

    /** The transaction's resource key: one set of writes per database. */
    private record Key(DataSource database) {
    }

    private final JdbcTemplate jdbc;
    private final Map<String, List<Object[]>> rows = new LinkedHashMap<>();

    private TransactionWrites(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The writes waiting in the current transaction for the database; null when there are none. */
    static TransactionWrites waiting(JdbcTemplate jdbc) {
        return TransactionResources.existing(new Key(jdbc.getDataSource()));
    }

    /** The writes of the current transaction for the database, sent before it commits; null without one. */
    static TransactionWrites of(JdbcTemplate jdbc) {
        return TransactionResources.of(new Key(jdbc.getDataSource()), () -> new TransactionWrites(jdbc),
                TransactionWrites::send);
    }

    void add(String sql, Object[] row) {
        rows.computeIfAbsent(sql, statement -> new ArrayList<>()).add(row);
    }

    /** Writes every waiting row now. */
    void send() {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, List<Object[]>> sending = new LinkedHashMap<>(rows);
        rows.clear();
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            if (isPostgres(connection) && count(sending) <= ONE_ROUND_TRIP_AT_MOST) {
                inOneRoundTrip(connection, sending);
            } else {
                asBatches(connection, sending);
            }
            return null;
        });
    }

    private static void inOneRoundTrip(Connection connection, Map<String, List<Object[]>> sending) throws SQLException {
        StringBuilder text = new StringBuilder();
        List<Object> values = new ArrayList<>();
        sending.forEach((sql, rows) -> rows.forEach(row -> {
            text.append(sql).append(";\n");
            values.addAll(Arrays.asList(row));
        }));
        try (PreparedStatement statement = connection.prepareStatement(text.toString())) {
            for (int i = 0; i < values.size(); i++) {
                set(statement, i + 1, values.get(i));
            }
            statement.execute();
        }
    }

    private static void asBatches(Connection connection, Map<String, List<Object[]>> sending) throws SQLException {
        for (Map.Entry<String, List<Object[]>> statementRows : sending.entrySet()) {
            try (PreparedStatement statement = connection.prepareStatement(statementRows.getKey())) {
                for (Object[] row : statementRows.getValue()) {
                    for (int i = 0; i < row.length; i++) {
                        set(statement, i + 1, row[i]);
                    }
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    /** As JdbcTemplate sets an argument; a null as an untyped null, which needs no look-up of the parameter's type. */
    private static void set(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.NULL);
        } else {
            StatementCreatorUtils.setParameterValue(statement, index, SqlTypeValue.TYPE_UNKNOWN, value);
        }
    }

    private static boolean isPostgres(Connection connection) throws SQLException {
        return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
    }

    private static int count(Map<String, List<Object[]>> sending) {
        return sending.values().stream().mapToInt(List::size).sum();
    }
}
