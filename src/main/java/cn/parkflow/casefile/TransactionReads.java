package cn.parkflow.casefile;

import cn.parkflow.engine.TransactionResources;
import java.util.HashMap;
import java.util.Map;

/**
 * What one owner read in the current transaction, kept until the transaction ends, put aside while
 * it is suspended (an inner REQUIRES_NEW transaction reads afresh). Without a transaction there
 * is nothing to keep: {@link #of} answers null.
 */
final class TransactionReads {

    private TransactionReads() {
    }

    static <K, V> Map<K, V> of(Object owner) {
        return TransactionResources.of(owner, HashMap::new);
    }
}
