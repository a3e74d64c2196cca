package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/** On a database of its own (H2 in memory): rows written together before the commit, all or nothing. */
class TransactionBatchTest {

    private final StatementsSent statementsSent = new StatementsSent(h2());
    private final DataSource database = statementsSent.dataSource();
    private final JdbcTemplate jdbc = new JdbcTemplate(database);
    private final DataSourceTransactionManager transactions = new DataSourceTransactionManager(database);
    private final TransactionTemplate transaction = new TransactionTemplate(transactions);
    private final TransactionBatch rows = new TransactionBatch(jdbc, "INSERT INTO row_written (id, label) VALUES (?, ?)");

    TransactionBatchTest() {
        jdbc.execute("CREATE TABLE row_written (id INT PRIMARY KEY, label VARCHAR(20) NOT NULL)");
        jdbc.execute("CREATE TABLE other_write (id INT PRIMARY KEY)");
        statementsSent.reset();
    }

    @Test
    void shouldWriteTheRowsOfATransactionInOneBatchWhenItCommits() {
        transaction.executeWithoutResult(status -> {
            rows.add(1, "一");
            rows.add(2, "二");
            rows.add(3, "三");
        });

        assertThat(jdbc.queryForList("SELECT label FROM row_written ORDER BY id", String.class)).containsExactly("一", "二", "三");
        assertThat(statementsSent.count()).as("one statement sent as a batch, not one per row").isEqualTo(1);
    }

    @Test
    void shouldWriteTheRowsOfEachStatementAsOneBatchBesidePostgreSql() {
        TransactionBatch others = new TransactionBatch(jdbc, "INSERT INTO other_write (id) VALUES (?)");
        transaction.executeWithoutResult(status -> {
            rows.add(1, "一");
            others.add(10);
            rows.add(2, "二");
        });

        assertThat(count("row_written")).isEqualTo(2);
        assertThat(count("other_write")).isEqualTo(1);
        assertThat(statementsSent.count()).as("one batch per statement").isEqualTo(2);
    }

    @Test
    void shouldWriteNothingWhenTheTransactionRollsBack() {
        transaction.executeWithoutResult(status -> {
            rows.add(1, "一");
            status.setRollbackOnly();
        });

        assertThat(count("row_written")).isZero();
    }

    @Test
    void shouldFailTheCommitAndKeepNothingOfTheTransactionWhenARowFails() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            jdbc.update("INSERT INTO other_write (id) VALUES (7)");
            rows.add(1, "一");
            rows.add(2, null);
        })).isInstanceOf(DataIntegrityViolationException.class);

        assertThat(count("row_written")).isZero();
        assertThat(count("other_write")).as("the transaction's other writes are rolled back too").isZero();
    }

    @Test
    void shouldShowTheRowsInsideTheTransactionAfterAFlush() {
        Integer seen = transaction.execute(status -> {
            rows.add(1, "一");
            rows.flush();
            return count("row_written");
        });

        assertThat(seen).isEqualTo(1);
        assertThat(count("row_written")).as("a flushed row is not written twice").isEqualTo(1);
    }

    @Test
    void shouldWriteAtOnceWithoutATransaction() {
        rows.add(1, "一");

        assertThat(count("row_written")).isEqualTo(1);
    }

    @Test
    void shouldKeepTheRowsOfAnOuterTransactionApartFromAnInnerOne() {
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            rows.add(1, "外");
            inner.executeWithoutResult(nested -> rows.add(2, "内"));
            throw new IllegalStateException("the outer transaction fails");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(jdbc.queryForList("SELECT label FROM row_written", String.class)).containsExactly("内");
    }

    private int count(String table) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table, Integer.class);
    }

    private static DataSource h2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:batch-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }
}
