package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresTestServer;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Statutory clocks and working-day expressions on the real engine and PostgreSQL, with the
 * engine's clock under the test's control: a decision task under a 5-working-day clock with its
 * overdue timer and due date tied to the clock; {@code ${workdays.after(5)}} in a model; officers
 * changing one clock at the same moment.
 */
class StatutoryClockApplicationTest extends CalendarSpringTest {

    private static final String PROCESS = "statutory-clock-test";
    private static final String TIMER = "Timer_DecisionOverdue";
    private static final String TASK = "Task_Decide";
    private static final int THREADS = 6;
    private static final int ROUNDS = 15;

    @Autowired
    StatutoryClock clock;
    @Autowired
    DeclaredClocks declaredClocks;
    @Autowired
    CaseFile caseFile;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    ProcessEngineConfigurationImpl engine;
    @Autowired
    WorkingDayCalendar calendar;

    @BeforeEach
    void deploy() {
        repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(true)
                .addClasspathResource("cn/parkflow/calendar/statutory-clock-test.bpmn").deploy();
    }

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldMoveTheOverdueTimerSoItFiresOnlyWhenThePausedAndExtendedDeadlineComes() {
        // given: accepted Thu 2026-09-24 (09-25 is 中秋): 5 working days -> Fri 10-09 17:30
        now("2026-09-24T10:00");
        String caseNumber = openCase();
        clock.start(caseNumber, 5, DayUnit.WORKING, "amr-officer");
        String instance = startProcess(caseNumber);
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-09T17:30"));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-10-09T17:30"));

        // when: paused for 补正 on Tue 09-29
        now("2026-09-29T09:00");
        clock.pause(caseNumber, "补正", "amr-officer");

        // then: the timer cannot fire, even after the original deadline has passed
        now("2026-10-12T10:00");
        assertThat(timer(instance).isSuspended()).isTrue();
        assertThat(task(instance).getDueDate()).isNull();

        // when: resumed Mon 10-12: 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12 do not count -> Thu 10-15
        ClockView resumed = clock.resume(caseNumber, "amr-officer");
        assertThat(resumed.pausedDays()).isEqualTo(5);
        assertThat(timer(instance).isSuspended()).isFalse();
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-15T17:30"));

        // and extended by 2 working days -> Mon 10-19
        now("2026-10-14T15:00");
        ClockView extended = clock.extend(caseNumber, 2, "案情复杂", "amr-head");
        assertThat(extended.currentDeadline()).isEqualTo(at("2026-10-19T17:30").toInstant());
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-10-19T17:30"));

        // then: a minute before the new deadline the engine has nothing to fire
        now("2026-10-19T17:29");
        assertThat(managementService.createJobQuery().processInstanceId(instance).executable().count()).isZero();

        // and at the deadline the job executor fires the timer
        now("2026-10-19T17:30");
        assertThat(managementService.createJobQuery().processInstanceId(instance).executable().count()).isOne();
        engine.getJobExecutor().jobWasAdded();
        awaitEnd(instance);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndActivityId()).isEqualTo("EndEvent_Overdue");

        // and the case shows the whole story
        CaseRecord.Deadline deadline = caseFile.get(caseNumber).deadline();
        assertThat(deadline.original()).isEqualTo(at("2026-10-09T17:30").toInstant());
        assertThat(deadline.pausedDays()).isEqualTo(5);
        assertThat(deadline.current()).isEqualTo(at("2026-10-19T17:30").toInstant());
        assertThat(deadline.provisional()).isFalse();
        assertThat(caseFile.events(caseNumber)).extracting(CaseEvent::action).containsSubsequence(
                "DEADLINE_STARTED", "DEADLINE_PAUSED", "DEADLINE_RESUMED", "DEADLINE_EXTENDED");
        assertThat(extended.extensions()).singleElement()
                .satisfies(e -> assertThat(e.approver()).isEqualTo("amr-head"));
    }

    @Test
    void shouldRunTheKernelTimerOfTheIncubatorsDeclaredClockUntilTheDecision() {
        // given: the incubator declares 30 working days; a case submitted Wed 2026-09-02
        now("2026-09-02T10:00");
        String caseNumber = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test")
                .number();

        // when: the clock starts as the incubator's Task_StartStatutoryClock starts it
        declaredClocks.start("incubator-certification", caseNumber);

        // then: the kernel's timer instance waits for 10-20 17:30 (09-25, 10-01..10-07 off, 09-20 and 10-10 worked)
        String timerInstance = runtimeService.createProcessInstanceQuery().processDefinitionKey(StatutoryClockProcess.KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
        Job deadline = managementService.createJobQuery().processInstanceId(timerInstance)
                .activityId(StatutoryClockProcess.TIMER_DEADLINE).singleResult();
        assertThat(deadline.getDuedate()).isEqualTo(at("2026-10-20T17:30"));

        // and a pause holds it, through the tie written when the instance started
        now("2026-09-03T10:00");
        declaredClocks.pause("incubator-certification", caseNumber, "申请材料补正");
        assertThat(managementService.createJobQuery().jobId(deadline.getId()).singleResult().isSuspended()).isTrue();
        declaredClocks.resume(caseNumber);

        // when: the decision is taken
        declaredClocks.stop(caseNumber, "system");

        // then: the timer instance has ended and the case shows why
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(timerInstance).count()).isZero();
        assertThat(caseFile.events(caseNumber)).extracting(CaseEvent::action)
                .containsSubsequence("DEADLINE_STARTED", "DEADLINE_PAUSED", "DEADLINE_RESUMED", "DEADLINE_STOPPED");
        assertThat(caseFile.get(caseNumber).deadline().isExpired()).isFalse();
    }

    @Test
    void shouldHoldATimerCreatedWhileTheClockIsPaused() {
        // given: a 5-working-day clock from Thu 2026-09-24, paused on 09-25
        now("2026-09-24T10:00");
        String caseNumber = openCase();
        clock.start(caseNumber, 5, DayUnit.WORKING, "amr-officer");
        now("2026-09-25T10:00");
        clock.pause(caseNumber, "鉴定", "amr-officer");

        // when: the decision task and its timer are created during the pause, after the original deadline
        now("2026-10-12T10:00");
        String instance = startProcess(caseNumber);

        // then: the timer is held until the clock resumes
        assertThat(timer(instance).isSuspended()).isTrue();
        assertThat(task(instance).getDueDate()).isNull();

        // when: resumed Wed 10-14: 9 working days paused (09-28 .. 10-14) -> due Wed 10-21
        now("2026-10-14T09:00");
        clock.resume(caseNumber, "amr-officer");

        assertThat(timer(instance).isSuspended()).isFalse();
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-21T17:30"));
        assertThat(task(instance).getDueDate()).isEqualTo(at("2026-10-21T17:30"));
    }

    @Test
    void shouldRefuseToPauseTwiceOrResumeARunningClock() {
        now("2026-03-02T10:00");
        String caseNumber = openCase();
        clock.start(caseNumber, 10, DayUnit.WORKING, "amr-officer");

        assertThatIllegalStateException().isThrownBy(() -> clock.resume(caseNumber, "amr-officer"));
        clock.pause(caseNumber, "听证", "amr-officer");
        assertThatIllegalStateException().isThrownBy(() -> clock.pause(caseNumber, "听证", "amr-officer"));
        assertThatIllegalStateException().isThrownBy(() -> clock.start(caseNumber, 10, DayUnit.WORKING, "x"));
        assertThat(clock.find(caseNumber).orElseThrow().pauses()).hasSize(1);
    }

    @Test
    void shouldSetDueDatesAndTimersInWorkingDaysFromTheEnginesToday() {
        // given: the engine's today is Wed 2026-09-30; a hearing is set for Thu 10-01
        repositoryService.createDeployment().name("workdays-test").enableDuplicateFiltering(true)
                .addClasspathResource("cn/parkflow/calendar/workdays-test.bpmn").deploy();
        ClockUtil.setCurrentTime(at("2026-09-30T11:00"));
        String caseNumber = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test")
                .number();

        // when
        String instance = runtimeService.startProcessInstanceByKey("workdays-test", caseNumber,
                Map.of("caseNumber", caseNumber, "hearingDate", at("2026-10-01T09:00"))).getId();

        // then: 5 working days after 09-30 (国庆 10-01..10-07, 10-10 调休上班) is Tue 10-13
        assertThat(taskService.createTaskQuery().processInstanceId(instance).singleResult().getDueDate())
                .isEqualTo(at("2026-10-13T17:30"));
        // 1 calendar day after 10-01 is 10-02 (国庆), rolled forward to Thu 10-08
        assertThat(managementService.createJobQuery().processInstanceId(instance).singleResult().getDuedate())
                .isEqualTo(at("2026-10-08T17:30"));
        // the clock started by the start event's listener: 15 working days from 09-30
        assertThat(clock.find(caseNumber).orElseThrow().currentDeadline())
                .isEqualTo(at("2026-10-27T17:30").toInstant());
    }

    @Test
    void shouldNotCorruptTheClockWhenPauseResumeAndExtendRace() throws Exception {
        // given: a running clock; the engine's time stands still at a working day
        now("2026-03-02T10:00");
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
        assertThat(view.currentDeadline()).isEqualTo(calendar.deadlineOf(
                calendar.addWorkingDays(LocalDate.of(2026, 3, 2), 20 + THREADS * ROUNDS)).toInstant());
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
    private String openCase() {
        return caseFile.open(new NewCase("IP", "专利侵权纠纷", "applicant1", "零号湾科技", "amr"), "ip-station-officer")
                .number();
    }

    private String startProcess(String caseNumber) {
        return runtimeService.startProcessInstanceByKey(PROCESS, caseNumber, Map.of("caseNumber", caseNumber)).getId();
    }

    private Job timer(String instance) {
        return managementService.createJobQuery().processInstanceId(instance).activityId(TIMER).singleResult();
    }

    private Task task(String instance) {
        return taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK).singleResult();
    }

    /** Bounded wait for the job executor, which runs on its own threads. */
    private void awaitEnd(String instance) {
        for (int i = 0; i < 300 && runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0;
             i++) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count())
                .as("process ended by the timer").isZero();
    }

    private static void now(String shanghaiLocal) {
        ClockUtil.setCurrentTime(at(shanghaiLocal));
    }

    private static Date at(String shanghaiLocal) {
        return Date.from(ZonedDateTime.parse(shanghaiLocal + "+08:00[Asia/Shanghai]").toInstant());
    }
}
