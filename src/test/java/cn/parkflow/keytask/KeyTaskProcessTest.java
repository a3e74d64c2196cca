package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** One tracked item (key-task.bpmn): plan, reports with cooperating departments, the colour after each. */
@Deployment(resources = {"bpmn/key-task.bpmn", "bpmn/key-task-supervision.bpmn", "bpmn/dmn/key-task-colour.dmn",
        "bpmn/dmn/key-task-grade.dmn"})
class KeyTaskProcessTest extends KeyTaskProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-03-10T09:00:00";
    }

    @Test
    void shouldRouteThePlanToTheLeadDepartmentWithinFiveWorkingDaysAndStartTrackingWhenAccepted() {
        // given the approved list
        approvedSeedList(2026);

        // when task 13 (lead planning) is assigned
        ProcessInstance instance = assignedItem(2026, 13);

        // then planning first acknowledges it (签收) within a working day, a step it may do in bulk
        assertThat(instance).isWaitingAt(TASK_ACKNOWLEDGE);
        Task acknowledge = openTask(instance, TASK_ACKNOWLEDGE);
        assertThat(acknowledge).hasCandidateGroup("planning");
        assertThat(acknowledge.getDueDate()).isEqualTo(at("2026-03-11T17:30:00"));
        UserTask step = engine.getRepositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementById(TASK_ACKNOWLEDGE);
        assertThat(step.getExtensionElements().getElementsQuery().filterByType(CamundaProperties.class).singleResult()
                .getCamundaProperties()).anySatisfy(property -> {
                    assertThat(property.getCamundaName()).isEqualTo("bulk-completable");
                    assertThat(property.getCamundaValue()).isEqualTo("true");
                });
        completeTask(instance, TASK_ACKNOWLEDGE, "planning-officer", ACKNOWLEDGEMENT);

        // then planning submits a plan within 5 working days, in a case of its own
        assertThat(instance).isWaitingAt(TASK_SUBMIT_PLAN);
        Task plan = openTask(instance, TASK_SUBMIT_PLAN);
        assertThat(plan).hasCandidateGroup("planning");
        assertThat(plan.getDueDate()).isEqualTo(at("2026-03-17T17:30:00"));
        assertThat(instance.getBusinessKey()).startsWith("KT-2026-");
        assertThat(item(2026, 13).caseNumber()).isEqualTo(instance.getBusinessKey());
        assertThat(statuses).containsEntry(instance.getBusinessKey(), "IMPLEMENTATION_PLAN");

        // when the plan is accepted
        completeTask(instance, TASK_SUBMIT_PLAN, "planning-officer", Map.of("planSummary", "分季度推进两评估一清单一盘活专项行动，明确各区块责任人。"));
        Task planReview = openTask(instance, TASK_REVIEW_PLAN);
        assertThat(planReview).hasCandidateGroup("stc");
        assertThat(engine.getTaskService().getVariable(planReview.getId(), "liaison"))
                .as("the reviewer sees whom to contact, as the lead department named at 签收")
                .isEqualTo(ACKNOWLEDGEMENT.get("liaison"));
        completeTask(instance, TASK_REVIEW_PLAN, "stc-officer", Map.of("planDecision", "ACCEPT"));

        // then the item is tracked: the next colour check is the next working day's start
        assertThat(instance).isWaitingAt(EVENT_COLOUR_CHECK);
        assertThat(variable(instance, "nextColourCheck")).isEqualTo(at("2026-03-11T08:30:00"));
    }

    @Test
    void shouldReturnAPlanWithAReasonAndAskForItAgain() {
        approvedSeedList(2026);
        ProcessInstance instance = startItem(2026, 5);
        completeTask(instance, TASK_SUBMIT_PLAN, "econ-officer", Map.of("planSummary", "第一稿：推进商业航天集聚区建设，按季度分解目标任务。"));

        // a return without a reason is refused
        Task review = openTask(instance, TASK_REVIEW_PLAN);
        engine.getTaskService().claim(review.getId(), "stc-officer");
        assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("planDecision", "RETURN")))
                .hasMessageContaining("审核实施方案未能提交：退回理由：必填");

        // with a reason the plan goes back to econ, due 5 working days after the return
        ClockUtil.setCurrentTime(at("2026-03-13T10:00:00"));
        completeTask(instance, TASK_REVIEW_PLAN, "stc-officer",
                Map.of("planDecision", "RETURN", "planReviewOpinion", "季度节点不清，请细化。"));
        Task again = openTask(instance, TASK_SUBMIT_PLAN);
        assertThat(again).hasCandidateGroup("econ");
        assertThat(again.getDueDate()).isEqualTo(at("2026-03-20T17:30:00"));
        assertThat(variable(instance, "planReviewOpinion")).isEqualTo("季度节点不清，请细化。");
    }

    @Test
    void shouldConsolidateTwoCooperatingDepartmentsCompletingAtTheSameMoment() throws Exception {
        // given task 3 (lead stc; cooperating sjtu-tto and ecnu-tto) in its second quarter
        approvedSeedList(2026);
        ProcessInstance instance = trackedItem(2026, 3, "stc-officer");
        fireTimer(instance, EVENT_QUARTER_ENDED, at("2026-07-01T09:00:00"));
        List<Task> inputs = openTasks(instance, TASK_COOPERATION_INPUT);
        assertThat(inputs).hasSize(2);
        assertThat(inputs).extracting(task -> engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId())
                .containsExactlyInAnyOrder("sjtu-tto", "ecnu-tto");
        assertThat(inputs.get(0).getDueDate()).isEqualTo(at("2026-07-03T17:30:00")); // two working days before 07-07

        // when both complete at the same moment
        CyclicBarrier together = new CyclicBarrier(2);
        Map<String, Object> beans = Map.copyOf(Mocks.getMocks()); // Mocks are per thread
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Object>> done = inputs.stream().map(task -> pool.submit(() -> {
                beans.forEach(Mocks::register);
                String group = engine.getTaskService().getIdentityLinksForTask(task.getId()).get(0).getGroupId();
                together.await();
                engine.getTaskService().complete(task.getId(), Map.of("cooperationInput", group + " 已完成本季度配合工作"));
                return (Object) null;
            })).toList();
            for (Future<?> each : done) {
                each.get(); // neither completion fails: the join waits in its own job
            }
        } finally {
            pool.shutdown();
        }
        runAsyncJobs();

        // then the lead department consolidates both inputs, due 5 working days after the quarter end
        Task report = openTask(instance, TASK_QUARTERLY_REPORT);
        assertThat(report).hasCandidateGroup("stc");
        assertThat(report.getDueDate()).isEqualTo(at("2026-07-07T17:30:00"));
        assertThat((String) engine.getTaskService().getVariableLocal(report.getId(), "cooperationSummary"))
                .contains("ecnu-tto：ecnu-tto 已完成本季度配合工作", "sjtu-tto：sjtu-tto 已完成本季度配合工作");
        assertThat(variable(instance, "quarterlyPeriod")).isEqualTo("2026-Q2");
    }

    @Test
    void shouldGiveTheThirdQuarterReportFiveWorkingDaysAcrossNationalDayAndTheMakeUpSaturday() {
        approvedSeedList(2026);
        ProcessInstance instance = trackedItem(2026, 9, "stc-officer"); // no cooperating department

        // the quarter timer fires on 10-01, a holiday; 10-02..10-07 are off, 10-10 (Saturday) is a working day
        fireTimer(instance, EVENT_QUARTER_ENDED, at("2026-10-01T09:00:00"));

        Task report = openTask(instance, TASK_QUARTERLY_REPORT);
        assertThat(report.getDueDate()).isEqualTo(at("2026-10-13T17:30:00"));
        assertThat((String) engine.getTaskService().getVariableLocal(report.getId(), "cooperationSummary"))
                .isEqualTo("（本任务无配合单位）");

        // reported on the last day at 17:00: on time, and at 70 % on 10-13 the item is on schedule
        ClockUtil.setCurrentTime(at("2026-10-13T17:00:00"));
        completeTask(instance, TASK_QUARTERLY_REPORT, "stc-officer", report(78));
        assertThat(item(2026, 9).lastReportLate()).isFalse();
        assertThat(register.reports(2026, 9)).singleElement().satisfies(r -> {
            assertThat(r.period()).isEqualTo("2026-Q3");
            assertThat(r.late()).isFalse();
        });
        assertThat(item(2026, 9).colour()).isIn(Colour.GREEN, Colour.BLUE);
    }

    @Test
    void shouldTurnYellowAndStartASupervisionNoticeWhenTheQuarterlyReportIsLate() {
        approvedSeedList(2026);
        ProcessInstance instance = trackedItem(2026, 9, "stc-officer");
        fireTimer(instance, EVENT_QUARTER_ENDED, at("2026-10-01T09:00:00"));

        // reported on 10-14, a day after the deadline, and on schedule otherwise
        ClockUtil.setCurrentTime(at("2026-10-14T09:00:00"));
        completeTask(instance, TASK_QUARTERLY_REPORT, "stc-officer", report(78));

        assertThat(item(2026, 9).lastReportLate()).isTrue();
        assertThat(item(2026, 9).colour()).isEqualTo(Colour.YELLOW);
        ProcessInstance notice = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(SUPERVISION_KEY)
                .processInstanceBusinessKey(instance.getBusinessKey()).singleResult();
        assertThat(notice).isWaitingAt(TASK_ISSUE_NOTICE);
        assertThat(engine.getRuntimeService().getVariable(notice.getId(), NOTICE_LEVEL)).isEqualTo("YELLOW");
        verify(caseFile).record(eq(instance.getBusinessKey()), eq("system"), eq("COLOUR_CHANGED"), eq(null), contains("绿 → 黄"));
    }

    @Test
    void shouldAskAKeyItemForItsMonthlyReportOnTheNextWorkingDayWhenTheFifthIsAHoliday() {
        approvedSeedList(2026);
        ProcessInstance keyItem = trackedItem(2026, 10, "stc-officer"); // flagged key
        ProcessInstance ordinary = trackedItem(2026, 1, "stc-officer");

        fireTimer(keyItem, EVENT_MONTH_STARTED, at("2026-10-01T09:00:00"));
        fireTimer(ordinary, EVENT_MONTH_STARTED, at("2026-10-01T09:00:00"));

        // 10-05 is a holiday and so are 10-06, 10-07: due 10-08
        Task monthly = openTask(keyItem, TASK_MONTHLY_REPORT);
        assertThat(monthly.getDueDate()).isEqualTo(at("2026-10-08T17:30:00"));
        assertThat(variable(keyItem, "monthlyPeriod")).isEqualTo("2026-09");
        assertThat(openTasks(ordinary, TASK_MONTHLY_REPORT)).isEmpty();

        // a report for April (the 5th a Sunday, the 6th Qingming): due 04-07
        ClockUtil.setCurrentTime(at("2026-04-01T09:00:00"));
        assertThat(schedule.monthlyDue(java.time.YearMonth.of(2026, 4))).isEqualTo(day("2026-04-07"));
    }

    @Test
    void shouldSetTheColourAtEachCheckFromTheScheduleAndTheDeadlines() {
        // given task 17 with milestones: 50 % by 06-30, 100 % by 09-30
        approvedSeedList(2026);
        jdbc.sql("UPDATE key_task_item SET milestones = '2026-06-30:50', deadline = DATE '2026-09-30' "
                + "WHERE list_year = 2026 AND task_number = 17").update();
        ProcessInstance instance = trackedItem(2026, 17, "commerce-officer");
        completeReportAt(instance, "2026-04-01T09:00:00", "2026-04-03T10:00:00", 20);

        // 06-23: five working days before the milestone, 20 % done while the schedule expects about 43 % → 黄 (behind)
        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-06-23T08:30:00"));
        assertThat(item(2026, 17).colour()).isEqualTo(Colour.YELLOW);

        // caught up to 45 %: within 5 working days of the milestone → 蓝
        jdbc.sql("UPDATE key_task_item SET percent_done = 45 WHERE list_year = 2026 AND task_number = 17").update();
        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-06-24T08:30:00"));
        assertThat(item(2026, 17).colour()).isEqualTo(Colour.BLUE);

        // the milestone passes at 45 % < 50 % → 红, and red stays on the item's record
        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-06-30T17:31:00"));
        assertThat(item(2026, 17).colour()).isEqualTo(Colour.RED);
        assertThat(item(2026, 17).everRed()).isTrue();
    }

    @Test
    void shouldTurnRedWhenTheDeadlinePassesUnfinishedAndGreenWhenOnTrack() {
        approvedSeedList(2026);
        jdbc.sql("UPDATE key_task_item SET deadline = DATE '2026-09-30', percent_done = 90 "
                + "WHERE list_year = 2026 AND task_number = 16").update();
        ProcessInstance instance = trackedItem(2026, 16, "hrss-officer");

        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-05-06T08:30:00"));
        assertThat(item(2026, 16).colour()).isEqualTo(Colour.GREEN);

        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-09-30T17:31:00"));
        assertThat(item(2026, 16).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void shouldTurnYellowWhileAReportIsOpenPastItsDueDateAndAskWhy() {
        approvedSeedList(2026);
        ProcessInstance instance = trackedItem(2026, 9, "stc-officer");
        jdbc.sql("UPDATE key_task_item SET percent_done = 75 WHERE list_year = 2026 AND task_number = 9").update();
        fireTimer(instance, EVENT_QUARTER_ENDED, at("2026-10-01T09:00:00"));

        // the Q3 report is due 10-13 and still open a minute after
        fireTimer(instance, EVENT_COLOUR_CHECK, at("2026-10-13T17:31:00"));
        assertThat(item(2026, 9).colour()).isEqualTo(Colour.YELLOW);

        // a yellow item's report must say what the problems are
        Task report = openTask(instance, TASK_QUARTERLY_REPORT);
        engine.getTaskService().claim(report.getId(), "stc-officer");
        assertThatThrownBy(() -> engine.getTaskService().complete(report.getId(), Map.of("percentDone", 78,
                "progressSummary", "按计划推进，已完成阶段性工作并附佐证材料。", "colour", "YELLOW")))
                .hasMessageContaining("存在问题：任务为黄色或红色时必填");
    }

    private void completeReportAt(ProcessInstance instance, String opens, String submitted, int percent) {
        fireTimer(instance, EVENT_QUARTER_ENDED, at(opens));
        ClockUtil.setCurrentTime(at(submitted));
        completeTask(instance, TASK_QUARTERLY_REPORT, "commerce-officer", report(percent));
    }
}
