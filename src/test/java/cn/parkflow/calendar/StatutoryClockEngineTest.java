package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NewCase;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;
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
 * A decision task under a 5-working-day clock, with its overdue timer and due date tied to the
 * clock, on the real engine and database, with the engine's clock under the test's control.
 */
class StatutoryClockEngineTest extends CalendarSpringTest {

    private static final String PROCESS = "statutory-clock-test";
    private static final String TIMER = "Timer_DecisionOverdue";
    private static final String TASK = "Task_Decide";

    @Autowired
    StatutoryClock clock;
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

    static Instant instant(String shanghaiLocal) {
        return at(shanghaiLocal).toInstant();
    }
}
