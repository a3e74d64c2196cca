package cn.parkflow.casefile;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * Hands out gap-free numbers per case type and year. The counter row stays locked until the
 * caller's transaction ends, so concurrent openings queue up and a rollback returns the number.
 */
@Component
class CaseNumberAllocator {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    CaseNumberAllocator(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String type, int year) {
        if (increment(type, year) == 0) {
            createCounter(type, year);
            increment(type, year);
        }
        int number = jdbc.sql("SELECT last_number FROM case_number_counter WHERE case_type = ? AND case_year = ?")
                .params(type, year).query(Integer.class).single();
        return "%s-%d-%04d".formatted(type, year, number);
    }

    private int increment(String type, int year) {
        return jdbc.sql("UPDATE case_number_counter SET last_number = last_number + 1 "
                        + "WHERE case_type = ? AND case_year = ?")
                .params(type, year).update();
    }

    /** In its own transaction: a PostgreSQL transaction that hits a duplicate key is unusable. */
    private void createCounter(String type, int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO case_number_counter (case_type, case_year, last_number) VALUES (?, ?, 0)")
                    .params(type, year).update());
        } catch (DuplicateKeyException createdConcurrently) {
            // another transaction created the first case of this type and year: fine
        }
    }
}
