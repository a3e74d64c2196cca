package cn.parkflow.casefile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gap-free yearly number series for case numbers and document numbers alike: {@code next("INC", 2026)}
 * gives 1, 2, 3 … The series' counter row stays locked until the caller's transaction ends, so
 * concurrent callers queue and a rollback gives the number back. The caller formats the number:
 * the format belongs to the document, the counting to the kernel.
 */
@Service
public class NumberSeries {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    NumberSeries(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * The next number of {@code series} in {@code year}, starting at 1. Mandatory transaction: the
     * number is only taken when the caller's work that uses it commits.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public int next(String series, int year) {
        if (increment(series, year) == 0) {
            createCounter(series, year);
            increment(series, year);
        }
        return jdbc.sql("SELECT last_number FROM number_series WHERE series_key = ? AND series_year = ?")
                .params(series, year).query(Integer.class).single();
    }

    private int increment(String series, int year) {
        return jdbc.sql("UPDATE number_series SET last_number = last_number + 1 WHERE series_key = ? AND series_year = ?")
                .params(series, year).update();
    }

    /** In its own transaction: a PostgreSQL transaction that hits a duplicate key is unusable. */
    private void createCounter(String series, int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO number_series (series_key, series_year, last_number) VALUES (?, ?, 0)")
                    .params(series, year).update());
        } catch (DuplicateKeyException createdConcurrently) {
            // another transaction took the first number of this series and year at the same moment: fine
        }
    }
}
