package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.CaseFile;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Deadlines and timers with a controlled clock across the 2026 National Day (10-01..10-07 off,
 * Saturday 10-10 a make-up working day): the pricing notice of at least 15 calendar days with an
 * objection, the stall flag after 20 working days and its escalation after 10 more, and the
 * parallel landing tasks completed at the same moment.
 */
@Deployment(resources = {ConversionProcessSupport.MODEL, ConversionProcessSupport.COORDINATION_DMN,
        ConversionProcessSupport.GRADUATION_DMN})
class ConversionTimingTest extends ConversionProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Test
    void shouldRunThePricingNoticeFifteenCalendarDaysAcrossNationalDayAndHandleAnObjection() {
        // given the university publishes an agreed price on Tuesday 2026-09-22
        ClockUtil.setCurrentTime(at("2026-09-22T10:00:00"));
        ProcessInstance instance = startAt(TASK_ARRANGE_RIGHTS, Map.of());
        arrangeRights(instance, "AGREEMENT");

        // then the notice ends 15 calendar days later, 10-07, a holiday, so on Thursday 10-08
        assertThat(instance).isWaitingAt(TASK_RUN_PRICING_NOTICE).task().hasCandidateGroup("sjtu-tto")
                .hasDueDate(at("2026-10-08T17:30:00"));
        verify(caseFile).record(eq(instance.getBusinessKey()), eq(CaseFile.SYSTEM), eq("PRICING_NOTICE_STARTED"), anyString(),
                contains("至 2026年10月8日 17:30"));

        // when the university tries to close the notice early, it is refused
        ClockUtil.setCurrentTime(at("2026-10-08T09:00:00"));
        Map<String, Object> objection = Map.of("agreedPrice", 800, "pricingObjection", "RECEIVED", "objectorName", "王某",
                "objectionSummary", "认为协议价格明显低于市场价");
        assertThatThrownBy(() -> completeTask(instance, TASK_RUN_PRICING_NOTICE, TTO_USER, objection))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("公示期至2026年10月8日 17:30，期满后方可登记");

        // an objection received in the notice, founded: the price is renegotiated and published again
        ClockUtil.setCurrentTime(at("2026-10-08T17:31:00"));
        completeTask(instance, TASK_RUN_PRICING_NOTICE, TTO_USER, objection);
        // 10 working days for the objection, Saturday 10-10 among them
        assertThat(instance).isWaitingAt(TASK_HANDLE_PRICING_OBJECTION).task().hasDueDate(at("2026-10-21T17:30:00"));
        ClockUtil.setCurrentTime(at("2026-10-09T10:00:00"));
        completeTask(instance, TASK_HANDLE_PRICING_OBJECTION, TTO_USER, Map.of("objectionFounded", "FOUNDED",
                "objectionAnswer", "经核实，重新评估后调整价格"));

        // the new notice from Friday 10-09 ends on Saturday 10-24, not a working day, so on Monday 10-26
        assertThat(instance).isWaitingAt(TASK_RUN_PRICING_NOTICE).task().hasDueDate(at("2026-10-26T17:30:00"));
        ClockUtil.setCurrentTime(at("2026-10-26T17:31:00"));
        completeTask(instance, TASK_RUN_PRICING_NOTICE, TTO_USER, Map.of("agreedPrice", 950, "pricingObjection", "NONE"));
        assertThat(instance).isWaitingAt(TASK_REGISTER_CONTRACT).task().hasDueDate(at("2026-11-25T17:30:00"));
    }

    @Test
    void shouldEndANoticeOnTheMakeUpWorkingDay() {
        // published on 2026-09-25 (中秋): 15 days later is Saturday 10-10, a make-up working day
        ClockUtil.setCurrentTime(at("2026-09-25T10:00:00"));
        ProcessInstance instance = startAt(TASK_ARRANGE_RIGHTS, Map.of());

        arrangeRights(instance, "AGREEMENT");

        assertThat(instance).isWaitingAt(TASK_RUN_PRICING_NOTICE).task().hasDueDate(at("2026-10-10T17:30:00"));
    }

    @Test
    void shouldLetTheLastLandingDepartmentsFinishAtTheSameMoment() throws Exception {
        ProcessInstance instance = startAt(TASK_SCHEDULE_LANDING, Map.of("companyName", "上海柔电科技有限公司"));
        for (String step : LANDING_TASKS.subList(0, 3)) {
            completeTask(instance, step, step + "-officer", landingAnswer(step));
        }

        // when the last two departments complete in the same instant
        List<Task> last = List.of(openTask(instance, TASK_PROVIDE_FUNDING), openTask(instance, TASK_REGISTER_COMPANY));
        CyclicBarrier together = new CyclicBarrier(2);
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        List<Thread> threads = last.stream().map(task -> new Thread(() -> {
            try {
                together.await();
                engine.getTaskService().complete(task.getId(), landingAnswer(task.getTaskDefinitionKey()));
            } catch (Throwable e) {
                failures.add(e);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        runAsyncJobs();

        // then both completions stand and the join passes once
        assertThat(failures).isEmpty();
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_CONFIRM_LANDING).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt(TASK_CONFIRM_LANDING).task().isAssignedTo(LIAISON);
    }

    @Test
    void shouldFlagAStalledProjectAfterTwentyWorkingDaysAndEscalateAfterTenMore() {
        // given a project in concept verification since Monday 2026-09-14, nothing updated since
        ClockUtil.setCurrentTime(at("2026-09-14T09:00:00"));
        ProcessInstance instance = startAt(TASK_VERIFY_CONCEPT, Map.of());
        String number = instance.getBusinessKey();

        // 19 working days by Thursday 10-15 (Sunday 09-20 and Saturday 10-10 count, the holidays do not)
        fireTimer(instance, STALL_CHECK_DUE, at("2026-10-15T17:30:00"));
        assertThat(variable(instance, STATUS_COLOUR)).isEqualTo(GREEN);
        assertThat(variable(instance, STALLED_WORKING_DAYS)).isEqualTo(19);

        // the 20th working day: 黄
        fireTimer(instance, STALL_CHECK_DUE, at("2026-10-16T17:30:00"));
        assertThat(variable(instance, STATUS_COLOUR)).isEqualTo(YELLOW);
        verify(caseFile).record(eq(number), eq(CaseFile.SYSTEM), eq("STATUS_COLOUR_YELLOW"), anyString(),
                contains("20个工作日未更新"));
        // and mailed to the manager and the liaison
        runAsyncJobs();
        assertThat(mail.withTemplate("conversion-stalled")).singleElement().satisfies(m -> {
            assertThat(m.get("mailTo")).isEqualTo(MANAGER + "," + LIAISON);
            assertThat(m.get("businessKey")).isEqualTo(number);
            assertThat(m.get(STALLED_WORKING_DAYS)).isEqualTo(20);
            assertThat(m.get(STALL_LAST_UPDATE)).isEqualTo("2026-09-14");
        });
        fireTimer(instance, STALL_CHECK_DUE, at("2026-10-29T17:30:00"));
        verify(caseFile, times(1)).record(eq(number), eq(CaseFile.SYSTEM), eq("STATUS_COLOUR_YELLOW"), anyString(), anyString());
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_SUPERVISE_STALLED)
                .processInstanceId(instance.getId()).count()).isZero();

        // ten working days more: 红, escalated to stc once
        fireTimer(instance, STALL_CHECK_DUE, at("2026-10-30T17:30:00"));
        assertThat(variable(instance, STATUS_COLOUR)).isEqualTo(RED);
        Task supervision = openTask(instance, TASK_SUPERVISE_STALLED);
        assertThat(supervision).satisfies(t -> assertThat(engine.getTaskService().getIdentityLinksForTask(t.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("stc")));
        assertThat(supervision.getDueDate()).isEqualTo(at("2026-11-06T17:30:00"));
        runAsyncJobs();
        assertThat(mail.withTemplate("conversion-stalled")).as("黄 is mailed once, 红 is stc's task").hasSize(1);
        completeTask(instance, TASK_SUPERVISE_STALLED, "stc-officer", Map.of("supervisionAction", "约谈技术经理人"));
        fireTimer(instance, STALL_CHECK_DUE, at("2026-11-02T17:30:00"));
        assertThat(variable(instance, STATUS_COLOUR)).isEqualTo(RED);

        // when the manager updates the project, the colour returns to normal
        verifyConcept(instance, "PASS", "FAIL", "ITERATE");
        fireTimer(instance, STALL_CHECK_DUE, at("2026-11-03T17:30:00"));
        assertThat(variable(instance, STATUS_COLOUR)).isEqualTo(GREEN);
        verify(caseFile).record(eq(number), eq(CaseFile.SYSTEM), eq("STATUS_COLOUR_GREEN"), anyString(), contains("恢复正常"));
        verify(caseFile, never()).record(eq(number), anyString(), eq("STATUS_COLOUR_RED"), anyString(), contains("19个"));
    }
}
