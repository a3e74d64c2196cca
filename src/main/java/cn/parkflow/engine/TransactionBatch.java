package cn.parkflow.engine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The rows one statement writes in the current transaction, sent just before the transaction
 * commits together with the rows of every other batch of that transaction and database (see
 * {@link TransactionWrites}: one round trip on PostgreSQL, one JDBC batch per statement
 * elsewhere). The kernel's listeners write rows for every step (the audit, and for each new task
 * its reminders, digest entry and involvement); a step then costs one round trip for all of them
 * instead of one per row. A failing row fails the commit, so the transaction still writes all or
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
        if (!addBeforeCommit(row)) {
            jdbc.update(sql, row);
        }
    }

    /**
     * Writes the row before the current transaction commits; false, writing nothing, when there is
     * no transaction (for a caller whose own writes then go another way).
     */
    public boolean addBeforeCommit(Object... row) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return false;
        }
        TransactionWrites.of(jdbc).add(sql, row);
        return true;
    }

    /** Writes every row still waiting in the current transaction for this database, now. */
    public void flush() {
        TransactionWrites waiting = TransactionWrites.waiting(jdbc);
        if (waiting != null) {
            waiting.send();
        }
    }
}
