package cn.parkflow.engine;

import java.util.function.Consumer;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A value kept for the current transaction under a key: made on first use, put aside while the
 * transaction is suspended (an inner REQUIRES_NEW transaction makes its own), let go when it ends.
 */
public final class TransactionResources {

    private TransactionResources() {
    }

    /** The value kept under {@code key}; null without a transaction's synchronization. */
    @SuppressWarnings("unchecked")
    public static <T> T existing(Object key) {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (T) TransactionSynchronizationManager.getResource(key) : null;
    }

    /** The value kept under {@code key}, made by {@code made} on first use; null without a transaction's synchronization. */
    public static <T> T of(Object key, Supplier<T> made) {
        return of(key, made, value -> { });
    }

    /**
     * The value kept under {@code key}, made by {@code made} on first use; {@code beforeCommit} is
     * given it just before the transaction commits. Null without a transaction's synchronization.
     */
    public static <T> T of(Object key, Supplier<T> made, Consumer<T> beforeCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        T existing = existing(key);
        if (existing != null) {
            return existing;
        }
        T value = made.get();
        TransactionSynchronizationManager.bindResource(key, value);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                beforeCommit.accept(value);
            }

            @Override
            public void suspend() {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(key, value);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(key);
            }
        });
        return value;
    }
}
