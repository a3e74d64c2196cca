package cn.parkflow.incubator;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sequential certificate numbers per year, 闵科孵认〔YYYY〕N号. The counter row stays locked until
 * the issuing transaction ends, so concurrent issues queue and a rolled-back issue returns its number.
 */
@Component
class CertificateNumbers {

    private final JdbcClient jdbc;
    private final TransactionTemplate separateTransaction;

    CertificateNumbers(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    String next(int year) {
        if (increment(year) == 0) {
            createCounter(year);
            increment(year);
        }
        int number = jdbc.sql("SELECT last_number FROM incubator_certificate_counter WHERE certificate_year = ?")
                .param(year).query(Integer.class).single();
        return format(year, number);
    }

    static String format(int year, int number) {
        return "闵科孵认〔%d〕%d号".formatted(year, number);
    }

    private int increment(int year) {
        return jdbc.sql("UPDATE incubator_certificate_counter SET last_number = last_number + 1 WHERE certificate_year = ?")
                .param(year).update();
    }

    /** In its own transaction: on PostgreSQL a transaction that hit a duplicate key is unusable. */
    private void createCounter(int year) {
        try {
            separateTransaction.executeWithoutResult(status -> jdbc
                    .sql("INSERT INTO incubator_certificate_counter (certificate_year, last_number) VALUES (?, 0)")
                    .param(year).update());
        } catch (DuplicateKeyException createdConcurrently) {
            // the first certificate of the year was issued at the same moment elsewhere: fine
        }
    }
}
