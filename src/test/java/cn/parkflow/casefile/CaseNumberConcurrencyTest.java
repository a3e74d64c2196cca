package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.PostgresApplicationTest;
import jakarta.validation.ConstraintViolationException;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

class CaseNumberConcurrencyTest extends PostgresApplicationTest {

    private static final int YEAR = Year.now(ZoneId.of("Asia/Shanghai")).getValue();

    @Autowired
    CaseFile caseFile;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void shouldHandOutGapFreeUniqueNumbersUnderConcurrentOpening() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<String>> openings = IntStream.range(0, 80)
                .<Callable<String>>mapToObj(i -> () -> caseFile.open(newCase("CONC", "并发" + i), "test").number())
                .toList();
        List<String> numbers = new ArrayList<>();
        for (Future<String> future : pool.invokeAll(openings)) {
            numbers.add(future.get());
        }
        pool.shutdown();

        List<String> expected = IntStream.rangeClosed(1, 80).mapToObj(n -> "CONC-%d-%04d".formatted(YEAR, n)).toList();
        assertThat(numbers).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void shouldGiveTheNumberBackWhenOpeningRollsBack() {
        String first = caseFile.open(newCase("ROLL", "第一件"), "test").number();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            caseFile.open(newCase("ROLL", "回滚的案件"), "test");
            throw new IllegalStateException("the process failed to start");
        })).isInstanceOf(IllegalStateException.class);

        String next = caseFile.open(newCase("ROLL", "第二件"), "test").number();

        assertThat(first).isEqualTo("ROLL-%d-0001".formatted(YEAR));
        assertThat(next).isEqualTo("ROLL-%d-0002".formatted(YEAR));
    }

    @Test
    void shouldAuditEveryChangeOfTheCase() {
        String number = caseFile.open(newCase("AUD", "审计测试"), "stc-officer").number();

        caseFile.changeStatus(number, "FORMAL_CHECK", "stc-officer");
        caseFile.assignDepartment(number, "amr", "stc-officer");
        caseFile.record(number, "amr-officer", "TASK_COMPLETED", "Task_Review", "同意");
        caseFile.close(number, "已办结", "amr-officer");

        CaseRecord record = caseFile.get(number);
        assertThat(record.status()).isEqualTo(CaseFile.STATUS_CLOSED);
        assertThat(record.department()).isEqualTo("amr");
        assertThat(record.closedAt()).isNotNull();
        assertThat(caseFile.events(number)).extracting(CaseEvent::action)
                .containsExactly("OPENED", "STATUS_CHANGED", "DEPARTMENT_ASSIGNED", "TASK_COMPLETED", "CLOSED");
        assertThat(caseFile.events(number).get(3).actor()).isEqualTo("amr-officer");
    }

    @Test
    void shouldRefuseACaseForAnUnknownDepartmentAndStoreNothing() {
        assertThatThrownBy(() -> caseFile.open(new NewCase("BAD", "未知部门", null, null, "nowhere"), "test"))
                .hasMessageContaining("nowhere");
        assertThat(caseFile.search(new CaseQuery("BAD", null, null, null, 0, 10))).isEmpty();
    }

    @Test
    void shouldRefuseAnInvalidCaseAndStoreNothing() {
        assertThatThrownBy(() -> caseFile.open(new NewCase("BLANK", " ", null, null, "stc"), "test"))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("title");
        assertThatThrownBy(() -> caseFile.open(new NewCase("lower", "小写类型", null, null, "stc"), "test"))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("type");
        assertThat(caseFile.search(new CaseQuery("BLANK", null, null, null, 0, 10))).isEmpty();
        assertThat(caseFile.search(new CaseQuery("lower", null, null, null, 0, 10))).isEmpty();
    }

    static NewCase newCase(String type, String title) {
        return new NewCase(type, title, "applicant1", "闵行创新孵化器", "stc");
    }
}
