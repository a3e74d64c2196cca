package cn.parkflow.calendar;

import static cn.parkflow.calendar.StatutoryClockProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.CaseStages;
import cn.parkflow.support.ProcessEngineTest;
import java.util.Set;
import cn.parkflow.support.Delegates;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The kernel's timer of a declared clock ({@code statutory-clock.bpmn}) on an in-memory engine,
 * with the real clock (statutory-clock tables on H2) and the case file as a mock: expiry, stop,
 * extension approved and refused, a pause holding the timer. Dates across the 2026 National Day
 * (10-01..10-07 holidays, Saturday 10-10 a make-up working day).
 */
@Deployment(resources = {"bpmn/statutory-clock.bpmn", "forms/statutory-clock/statutory-clock-extension.form"})
class StatutoryClockProcessTest extends ProcessEngineTest {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    private static final String PROCESS = "ip-case";
    private static final AtomicInteger CASES = new AtomicInteger();
    private static JdbcDataSource tables;

    private DeclaredClocks clocks;
    private StatutoryClock clock;
    private String caseNumber;

    @BeforeAll
    static void createTables() {
        tables = new JdbcDataSource();
        tables.setURL("jdbc:h2:mem:statutory-clock-tables;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(tables).locations("classpath:db/migration").load().migrate();
    }

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected CaseStages caseStages() {
        return new CaseStages() {
            @Override
            public Set<String> processKeys() {
                return Set.of(PROCESS);
            }

            @Override
            public Map<String, String> byStep() {
                return Map.of();
            }
        };
    }

    @Override
    protected void wireProcess() {
        JdbcClient jdbc = JdbcClient.create(tables);
        ClockRepository repository = new ClockRepository(jdbc);
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        ClockTies ties = new ClockTies((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                engine.getManagementService(), engine.getTaskService(), calendar, repository,
                new DataSourceTransactionManager(tables));
        ClockTimers timers = new ClockTimers(engine.getRuntimeService(), engine.getIdentityService());
        clock = new StatutoryClock(repository, ties, timers, caseFile, calendar, java.util.Optional.empty());
        clocks = new DeclaredClocks(List.of(new ClockDeclaration(PROCESS, 5, DayUnit.WORKING, List.of("补正"),
                "supervision")), clock, timers);
        Mocks.register("statutoryClock", clock);
        StatutoryClockSteps steps = new StatutoryClockSteps(clock, caseFile, org.mockito.Mockito.mock(cn.parkflow.department.DepartmentHeads.class));
        Mocks.register("statutoryClockSteps", steps);
        Delegates.register(new StatutoryClockDelegates(), steps);
        caseNumber = "IP-2026-%05d".formatted(CASES.incrementAndGet());
        jdbc.sql("INSERT INTO case_record (case_number, case_type, title, department, status, opened_at) "
                + "VALUES (?, 'IP', '专利侵权纠纷', 'amr', 'OPEN', CURRENT_TIMESTAMP)").param(caseNumber).update();
    }

    @Test
    void shouldFlagTheCaseAndMailSupervisionInRedWhenTheDeadlinePassesBeforeTheDecision() {
        // given: accepted Thu 2026-09-24 (09-25 中秋): 5 working days -> Fri 10-09 17:30, after 国庆
        String instance = startClock("2026-09-24T10:00");
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-09T17:30"));

        // when: a minute before, nothing can fire; at the deadline the timer fires
        now("2026-10-09T17:29");
        assertThat(executableJobs(instance)).isZero();
        now("2026-10-09T17:30");
        fire(timer(instance));

        // then: the case is flagged overdue and supervision gets the red mail with the business deadline
        verify(caseFile).flagDeadlineExpired(eq(caseNumber), eq("system"), contains("2026-10-09 17:30 届满"));
        assertThat(mail.calls).singleElement().satisfies(mail -> assertThat(mail)
                .containsEntry("mailTemplate", "statutory-deadline-expired").containsEntry("mailTo", "supervision")
                .containsEntry("businessKey", caseNumber).containsEntry(VAR_LIMIT, "5 个工作日")
                .containsEntry(VAR_DEADLINE, at("2026-10-09T17:30")));
        assertEnded(instance, END_DEADLINE_EXPIRED);
    }

    @Test
    void shouldEndTheTimerWithoutMailWhenTheDecisionComesFirst() {
        // given
        String instance = startClock("2026-09-24T10:00");

        // when: the decision is taken on Thu 10-08
        now("2026-10-08T11:00");
        ClockView stopped = clocks.stop(caseNumber, "system");

        // then: the timer instance is gone with its job; nothing is flagged or mailed
        assertEnded(instance, END_CLOCK_STOPPED);
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance).count()).isZero();
        assertThat(stopped.stoppedAt()).isEqualTo(at("2026-10-08T11:00").toInstant());
        verify(caseFile).record(eq(caseNumber), eq("system"), eq("DEADLINE_STOPPED"), isNull(),
                contains("截止 2026-10-09 17:30"));
        verify(caseFile, never()).flagDeadlineExpired(anyString(), anyString(), anyString());
        assertThat(mail.calls).isEmpty();

        // and a stopped clock neither pauses nor extends; a second stop (a decision taken again) is harmless
        assertThatIllegalStateException().isThrownBy(() -> clocks.pause(PROCESS, caseNumber, "补正"));
        assertThatIllegalStateException().isThrownBy(() -> clock.extend(caseNumber, 1, "复杂", "supervisor"));
        assertThat(clocks.stop(caseNumber, "system").stoppedAt()).isEqualTo(stopped.stoppedAt());
    }

    @Test
    void shouldMoveTheTimerByTheApprovedWorkingDaysAcrossTheMakeUpSaturday() {
        // given: a running clock due Fri 10-09 17:30; an officer asks for more time on Tue 09-29
        String instance = startClock("2026-09-24T10:00");
        now("2026-09-29T09:00");
        clocks.requestExtension(caseNumber, "amr-officer", "案情复杂，需补充调查取证");

        // then: the declared group holds the approval, due in 2 working days (09-30, then 10-08 after 国庆)
        Task approval = approvalTask(instance);
        assertThat(engine.getTaskService().getIdentityLinksForTask(approval.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("supervision"));
        assertThat(approval.getDueDate()).isEqualTo(at("2026-10-08T17:30"));
        assertThat(engine.getTaskService().getVariable(approval.getId(), VAR_REQUEST_REASON))
                .isEqualTo("案情复杂，需补充调查取证");

        // when: approved with 3 working days
        decide(approval, Map.of(VAR_DECISION, APPROVE, VAR_DAYS, 3, VAR_REASON, "需调取专利无效宣告材料"));

        // then: 10-09 + 3 working days = Sat 10-10 (调休上班), Mon 10-12, Tue 10-13
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-13T17:30"));
        assertThat(clock.find(caseNumber).orElseThrow().extensions()).singleElement().satisfies(e -> {
            assertThat(e.days()).isEqualTo(3);
            assertThat(e.approver()).isEqualTo("supervisor");
            assertThat(e.reason()).isEqualTo("需调取专利无效宣告材料");
        });
        verify(caseFile).updateDeadline(eq(caseNumber), any(), eq("supervisor"), eq("DEADLINE_EXTENDED"),
                contains("批准人：supervisor；当前截止 2026-10-13 17:30"));
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                .as("the timer still waits").isOne();
    }

    @Test
    void shouldLeaveTheClockAsItWasWhenTheExtensionIsRefused() {
        // given
        String instance = startClock("2026-09-24T10:00");
        now("2026-09-29T09:00");
        clocks.requestExtension(caseNumber, "amr-officer", "当事人申请延期");

        // when
        decide(approvalTask(instance), Map.of(VAR_DECISION, REFUSE, VAR_REASON, "理由不充分"));

        // then
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-09T17:30"));
        assertThat(clock.find(caseNumber).orElseThrow().extensions()).isEmpty();
        verify(caseFile).record(caseNumber, "supervisor", "DEADLINE_EXTENSION_REFUSED", null,
                "不同意延长法定时限：理由不充分");
        verify(caseFile, never()).updateDeadline(eq(caseNumber), any(), anyString(), eq("DEADLINE_EXTENDED"),
                anyString());
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId(END_EXTENSION_REFUSED).finished().count()).isOne();
    }

    @Test
    void shouldHoldTheTimerWhilePausedAndMoveItOnResume() {
        // given
        String instance = startClock("2026-09-24T10:00");

        // when: paused for 补正 on Tue 09-29
        now("2026-09-29T09:00");
        assertThatIllegalArgumentException().isThrownBy(() -> clocks.pause(PROCESS, caseNumber, "听证"))
                .withMessageContaining("补正");
        clocks.pause(PROCESS, caseNumber, "补正");

        // then: suspended; past the original deadline nothing fires
        assertThat(timer(instance).isSuspended()).isTrue();
        now("2026-10-12T10:00");
        assertThat(executableJobs(instance)).isZero();

        // when: resumed Mon 10-12: 09-30, 10-08, 10-09, 10-10 (调休上班), 10-12 do not count
        clocks.resume(caseNumber);

        // then: active again, due Thu 10-15
        assertThat(timer(instance).isSuspended()).isFalse();
        assertThat(timer(instance).getDuedate()).isEqualTo(at("2026-10-15T17:30"));
        now("2026-10-15T17:30");
        assertThat(executableJobs(instance)).isOne();
    }

    @Test
    void shouldStartANewClockForTheCaseOnceTheEarlierOneStopped() {
        // given: a clock paused, then stopped by a decision (one channel of a case ends)
        String first = startClock("2026-09-24T10:00");
        now("2026-09-28T09:00");
        clocks.pause(PROCESS, caseNumber, "补正");
        now("2026-09-29T09:00");
        clocks.resume(caseNumber);
        clocks.stop(caseNumber, "system");
        assertEnded(first, END_CLOCK_STOPPED);

        // when: the case's next channel starts its clock on Thu 10-08
        String second = startClock("2026-10-08T10:00");

        // then: a fresh clock, 5 working days from 10-08 (10-09, Sat 10-10 调休上班, 10-12, 10-13, 10-14),
        // without the earlier pause; a running clock still cannot be started twice
        ClockView view = clock.find(caseNumber).orElseThrow();
        assertThat(view.pausedDays()).isZero();
        assertThat(view.pauses()).isEmpty();
        assertThat(view.stoppedAt()).isNull();
        assertThat(timer(second).getDuedate()).isEqualTo(at("2026-10-14T17:30"));
        assertThatIllegalStateException().isThrownBy(() -> clocks.start(PROCESS, caseNumber))
                .withMessageContaining("已经开始计算");
    }

    private String startClock(String shanghaiLocal) {
        now(shanghaiLocal);
        clocks.start(PROCESS, caseNumber);
        return engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY)
                .processInstanceBusinessKey(caseNumber).singleResult().getId();
    }

    private Job timer(String instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance)
                .activityId(TIMER_DEADLINE).timers().singleResult();
    }

    /** What the job executor would acquire now: due, retries left, not suspended. */
    private long executableJobs(String instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance).active().executable()
                .count();
    }

    private Task approvalTask(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance)
                .taskDefinitionKey(TASK_APPROVE_EXTENSION).singleResult();
    }

    private void decide(Task approval, Map<String, Object> variables) {
        engine.getTaskService().claim(approval.getId(), "supervisor");
        engine.getTaskService().complete(approval.getId(), variables);
        runAsyncJobs();
    }

    private void fire(Job job) {
        engine.getManagementService().executeJob(job.getId());
        runAsyncJobs();
    }

    private void assertEnded(String instance, String endEvent) {
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processInstanceId(instance)
                .singleResult().getEndActivityId()).isEqualTo(endEvent);
    }

    private static void now(String shanghaiLocal) {
        ClockUtil.setCurrentTime(at(shanghaiLocal));
    }
}
