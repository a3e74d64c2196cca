package cn.parkflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows one statement writes in the current transaction, sent together as one JDBC batch (one
 * round trip to the database) just before the transaction commits. The kernel's listeners write a
 * row for every new task; a step that opens five parallel tasks then costs one round trip per
 * table instead of five. A failing row fails the commit, so the transaction still writes all or
 * nothing. Without a transaction each row is written at once.
 *
 * <p>The owner reads and changes its table only after {@link #flush}, so that it sees its own rows.
 */
public final class TransactionBatch {

    private final JdbcTemplate jdbc;
    private final String sql;

    public TransactionBatch(JdbcTemplate jdbc, String sql) {
        this.jdbc = jdbc;
        this.sql = sql;
    }

    /** Writes the row before the current transaction commits, or now when there is none. */
    public void add(Object... row) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            jdbc.update(sql, row);
            return;
        }
        pending().add(row);
    }

    /** Writes the rows still waiting, now. */
    public void flush() {
        List<Object[]> rows = waiting();
        if (rows != null) {
            send(rows);
        }
    }

    private void send(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            List<Object[]> sending = List.copyOf(rows);
            rows.clear();
            jdbc.batchUpdate(sql, sending);
        }
    }

    /** The rows waiting in the current transaction; null when it has none. */
    @SuppressWarnings("unchecked")
    private List<Object[]> waiting() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (List<Object[]>) TransactionSynchronizationManager.getResource(this) : null;
    }

    private List<Object[]> pending() {
        List<Object[]> rows = waiting();
        if (rows == null) {
            List<Object[]> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    send(created);
                }

                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatch.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(TransactionBatch.this, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(TransactionBatch.this);
                }
            });
            rows = created;
        }
        return rows;
    }
}
