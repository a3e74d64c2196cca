package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.PostgresApplicationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

class NumberSeriesTest extends PostgresApplicationTest {

    @Autowired
    NumberSeries series;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void shouldCountEachSeriesAndYearOnItsOwn() {
        List<Integer> numbers = transaction.execute(status -> List.of(
                series.next("series-a", 2026),
                series.next("series-b", 2026),
                series.next("series-a", 2026),
                series.next("series-a", 2027),
                series.next("series-b", 2026)));

        assertThat(numbers).containsExactly(1, 1, 2, 1, 2);
    }

    @Test
    void shouldRefuseToHandOutANumberOutsideATransaction() {
        // without the caller's transaction the number would be taken even if its document is never stored
        assertThatThrownBy(() -> series.next("series-c", 2026)).isInstanceOf(IllegalTransactionStateException.class);
    }
}
