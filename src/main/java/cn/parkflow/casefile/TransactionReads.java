package cn.parkflow.casefile;

import java.util.HashMap;
import java.util.Map;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What one owner read in the current transaction, kept until the transaction ends, put aside while
 * it is suspended (an inner REQUIRES_NEW transaction reads afresh). Without a transaction there
 * is nothing to keep: {@link #of} answers null.
 */
final class TransactionReads {

    private TransactionReads() {
    }

    @SuppressWarnings("unchecked")
    static <K, V> Map<K, V> of(Object owner) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        Map<K, V> reads = (Map<K, V>) TransactionSynchronizationManager.getResource(owner);
        if (reads == null) {
            Map<K, V> created = new HashMap<>();
            TransactionSynchronizationManager.bindResource(owner, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(owner, created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(owner);
                }
            });
            reads = created;
        }
        return reads;
    }
}
