package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresTestServer;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Officers pausing, resuming and extending one case at the same moment, on real PostgreSQL. */
class StatutoryClockConcurrencyTest extends CalendarSpringTest {

    private static final int THREADS = 6;
    private static final int ROUNDS = 15;

    @Autowired
    StatutoryClock clock;
    @Autowired
    CaseFile caseFile;

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldNotCorruptTheClockWhenPauseResumeAndExtendRace() throws Exception {
        // given: a running clock; the engine's time stands still at a working day
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse("2026-03-02T10:00+08:00[Asia/Shanghai]").toInstant()));
        String caseNumber = caseFile.open(new NewCase("IP", "并发测试", "applicant1", "零号湾科技", "amr"), "test")
                .number();
        clock.start(caseNumber, 20, DayUnit.WORKING, "amr-officer");
        AtomicInteger pauses = new AtomicInteger();
        AtomicInteger resumes = new AtomicInteger();
        AtomicInteger extensions = new AtomicInteger();

        // when: every thread tries pause, resume and a one-day extension, all at once
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            done.add(pool.submit(() -> {
                go.await();
                for (int round = 0; round < ROUNDS; round++) {
                    attempt(() -> clock.pause(caseNumber, "补正", "amr-officer"), pauses);
                    attempt(() -> clock.extend(caseNumber, 1, "复杂", "amr-head"), extensions);
                    attempt(() -> clock.resume(caseNumber, "amr-officer"), resumes);
                }
                return null;
            }));
        }
        go.countDown();
        for (Future<?> future : done) {
            future.get(2, TimeUnit.MINUTES);
        }
        pool.shutdown();

        // then: every success is recorded exactly once and the state agrees with the history
        ClockView view = clock.find(caseNumber).orElseThrow();
        assertThat(extensions.get()).isEqualTo(THREADS * ROUNDS);
        assertThat(view.extensionDays()).isEqualTo(THREADS * ROUNDS);
        assertThat(view.extensions()).hasSize(THREADS * ROUNDS);
        assertThat(view.pauses()).hasSize(pauses.get());
        assertThat(resumes.get()).isIn(pauses.get(), pauses.get() - 1);
        assertThat(view.pauses().stream().filter(p -> p.resumedAt() == null).count())
                .isEqualTo(view.paused() ? 1 : 0).isEqualTo(pauses.get() - resumes.get());
        assertThat(count("SELECT COUNT(*) FROM case_event WHERE case_number = '" + caseNumber
                + "' AND action LIKE 'DEADLINE_%'")).isEqualTo(1 + pauses.get() + resumes.get() + extensions.get());
        // all on one day: pauses cost nothing, so the deadline is the limit plus the extensions
        assertThat(view.currentDeadline()).isEqualTo(WorkingDayCalendar.bundled().deadlineOf(
                WorkingDayCalendar.bundled().addWorkingDays(java.time.LocalDate.of(2026, 3, 2), 20 + THREADS * ROUNDS))
                .toInstant());
        assertThat(caseFile.get(caseNumber).deadline().current()).isEqualTo(view.currentDeadline());
    }

    /** A pause of a paused clock or a resume of a running one is refused: that is expected here. */
    private static void attempt(Runnable change, AtomicInteger successes) {
        try {
            change.run();
            successes.incrementAndGet();
        } catch (IllegalStateException refused) {
            // the other officer was first
        }
    }

    private static int count(String sql) {
        return Integer.parseInt(PostgresTestServer.shared().query(sql));
    }
}
