package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.PostgresTestServer;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On PostgreSQL (a database of its own on the tests' server): the rows of every batch of a
 * transaction reach the database in one statement text, so in one round trip, all or nothing.
 */
class TransactionBatchOnPostgresTest {

    private final StatementsSent statementsSent = new StatementsSent(postgres());
    private final JdbcTemplate jdbc = new JdbcTemplate(statementsSent.dataSource());
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(statementsSent.dataSource()));
    private final TransactionBatch rows = new TransactionBatch(jdbc, "INSERT INTO row_written (id, label) VALUES (?, ?)");
    private final TransactionBatch others = new TransactionBatch(jdbc, "INSERT INTO other_write (id, note) VALUES (?, ?)");

    @BeforeEach
    void emptyTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS row_written (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
        jdbc.execute("CREATE TABLE IF NOT EXISTS other_write (id INT PRIMARY KEY, note VARCHAR(20))");
        jdbc.execute("TRUNCATE row_written, other_write");
        statementsSent.reset();
    }

    @Test
    void shouldSendTheRowsOfEveryBatchOfATransactionAsOneStatement() {
        transaction.executeWithoutResult(status -> {
            rows.add(1, "一");
            others.add(10, null);
            rows.add(2, "二");
            others.add(11, "注");
        });

        assertThat(statementsSent.count()).as("two tables' rows in one execution, not one per table or row").isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT label FROM row_written ORDER BY id", String.class)).containsExactly("一", "二");
        assertThat(jdbc.queryForList("SELECT coalesce(note, '-') FROM other_write ORDER BY id", String.class))
                .containsExactly("-", "注");
    }

    @Test
    void shouldFailTheCommitAndKeepNothingWhenOneRowFails() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO other_write (id) VALUES (7)");
            rows.add(1, "一");
            others.add(8, "八");
            rows.add(2, null);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("row_written")).isZero();
        assertThat(count("other_write")).as("the transaction's other writes are rolled back too").isZero();
    }

    @Test
    void shouldSendRowsBeyondOneRoundTripAsOneBatchPerStatement() {
        int many = TransactionWrites.ONE_ROUND_TRIP_AT_MOST + 1;
        transaction.executeWithoutResult(status -> {
            IntStream.range(0, many).forEach(id -> rows.add(id, "行" + id));
            others.add(1, "一");
        });

        assertThat(count("row_written")).isEqualTo(many);
        assertThat(count("other_write")).isEqualTo(1);
        assertThat(statementsSent.count() - 2).as("one batch per statement").isZero();
    }

    @Test
    void shouldShowWaitingRowsOfEveryBatchAfterAFlushOfOne() {
        Integer seen = transaction.execute(status -> {
            others.add(1, "一");
            rows.add(1, "一");
            rows.flush();
            return count("other_write");
        });

        assertThat(seen).isEqualTo(1);
        assertThat(count("other_write")).as("a flushed row is not written twice").isEqualTo(1);
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static PGSimpleDataSource postgres() {
        PGSimpleDataSource postgres = new PGSimpleDataSource();
        postgres.setUrl(PostgresTestServer.shared().createDatabaseOnce("transaction_batch"));
        postgres.setUser("postgres");
        return postgres;
    }
}
