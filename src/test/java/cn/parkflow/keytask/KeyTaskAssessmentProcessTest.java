package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Year end of a tracked item: self-assessment, figures checked by stats, assessment by stc, grade, award eligibility. */
@Deployment(resources = {"bpmn/key-task.bpmn", "bpmn/key-task-supervision.bpmn", "bpmn/dmn/key-task-colour.dmn",
        "bpmn/dmn/key-task-grade.dmn"})
class KeyTaskAssessmentProcessTest extends KeyTaskProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-12-10T09:00:00";
    }

    private ProcessInstance atSelfAssessment(int number) {
        register.attachCase(2026, number, "KT-2026-00" + number);
        // process variables first: set after a start instruction they would belong to that activity alone
        return engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey("KT-2026-00" + number)
                .setVariable(YEAR, 2026).setVariable(TASK_NUMBER, number).setVariable(LEAD_DEPARTMENT,
                        item(2026, number).entry().leadDepartment())
                .setVariable("taskTitle", item(2026, number).entry().title())
                .setVariable("assessmentDue", at("2027-03-01T17:30:00"))
                .startBeforeActivity(TASK_SELF_ASSESS)
                .startBeforeActivity(GATEWAY_YEAR_END_JOIN) // the fourth quarter already reported
                .execute();
    }

    private void assess(ProcessInstance instance, int percent, String figureCheck, double score) {
        completeTask(instance, TASK_SELF_ASSESS, "lead-officer", Map.of("finalPercentDone", percent,
                "finalIndicatorValue", 1500, "selfScore", 90, "selfAssessmentSummary", "全年完成情况及佐证材料见附件。"));
        assertThat(openTask(instance, TASK_CHECK_FIGURES)).hasCandidateGroup("stats");
        completeTask(instance, TASK_CHECK_FIGURES, "stats-officer", "CORRECTED".equals(figureCheck)
                ? Map.of("figureCheck", figureCheck, "checkedIndicatorValue", 1480, "figureCheckOpinion", "按统计快报核减。")
                : Map.of("figureCheck", figureCheck));
        panelScores(instance, score, score, score);
        assertThat(openTask(instance, TASK_ASSESS)).hasCandidateGroup("stc");
        completeTask(instance, TASK_ASSESS, "stc-officer", Map.of("assessmentOpinion", "专家组评审意见。"));
        runAsyncJobs();
    }

    /** stc appoints expert1, expert2, … and each scores in a task of their own. */
    private void panelScores(ProcessInstance instance, double... scores) {
        String[] experts = new String[scores.length];
        for (int i = 0; i < scores.length; i++) {
            experts[i] = "expert" + (i + 1);
        }
        expertsInPool(experts);
        completeTask(instance, TASK_APPOINT_PANEL, "stc-officer", Map.of(PANEL_EXPERTS, String.join(",", experts)));
        Map<String, Double> scored = new java.util.LinkedHashMap<>();
        for (int i = 0; i < scores.length; i++) {
            scored.put(experts[i], scores[i]);
        }
        panelScoresAlreadyAppointed(instance, scored);
    }

    @Test
    void shouldAskForTheFourthQuarterReportAfterNewYearAndCheckTheFiguresOnlyOnceItAndTheSelfAssessmentAreIn() {
        // given the 2025 list's task 5 (econ, with xinzhuang cooperating) reaching its year end on 10 December
        ClockUtil.setCurrentTime(at("2025-12-10T09:00:00"));
        approvedSeedList(2025);
        register.attachCase(2025, 5, "KT-2025-0005");
        ProcessInstance instance = engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey("KT-2025-0005")
                .startBeforeActivity(GATEWAY_YEAR_END_SPLIT)
                .setVariable(YEAR, 2025).setVariable(TASK_NUMBER, 5).setVariable(LEAD_DEPARTMENT, "econ")
                .setVariable(COOPERATING_DEPARTMENTS, "xinzhuang").setVariable("taskTitle", item(2025, 5).entry().title())
                .setVariable("assessmentDue", at("2026-02-27T17:30:00")).execute();

        // when econ self-assesses in December: the figures wait for the fourth quarter's report
        completeTask(instance, TASK_SELF_ASSESS, "econ-officer", Map.of("finalPercentDone", 100,
                "finalIndicatorValue", 1500, "selfScore", 90, "selfAssessmentSummary", "全年完成情况及佐证材料见附件。"));
        assertThat(openTasks(instance, TASK_CHECK_FIGURES)).isEmpty();

        // then the quarter ends on 12-31 and its report opens on 1 January 2026, 09:00
        fireTimer(instance, EVENT_FOURTH_QUARTER_ENDED, at("2026-01-01T09:00:00"));
        // 5 working days after 12-31 across 元旦 (01-01, 01-02 off) and the make-up Sunday 01-04: 04, 05, 06, 07, 08
        Task input = openTask(instance, TASK_FOURTH_QUARTER_INPUT);
        assertThat(input).hasCandidateGroup("xinzhuang");
        assertThat(input.getDueDate()).isEqualTo(at("2026-01-06T17:30:00"));
        completeTask(instance, TASK_FOURTH_QUARTER_INPUT, "xinzhuang-officer", Map.of("cooperationInput", "新庄片区配合完成四季度招商。"));
        Task report = openTask(instance, TASK_FOURTH_QUARTER_REPORT);
        assertThat(report).hasCandidateGroup("econ");
        assertThat(report.getDueDate()).isEqualTo(at("2026-01-08T17:30:00"));
        assertThat(variable(instance, "quarterlyPeriodText")).isEqualTo("2025年第4季度");

        ClockUtil.setCurrentTime(at("2026-01-08T16:00:00"));
        completeTask(instance, TASK_FOURTH_QUARTER_REPORT, "econ-officer", Map.of("percentDone", 100,
                "progressSummary", "全年任务完成，佐证见案件材料。", "problems", "暂无"));

        assertThat(register.reports(2025, 5)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("QUARTERLY");
            assertThat(r.period()).isEqualTo("2025-Q4");
            assertThat(r.late()).isFalse();
        });
        assertThat(openTask(instance, TASK_CHECK_FIGURES)).hasCandidateGroup("stats");
    }

    @Test
    void shouldGiveThePanelTheMeanOfItsExpertsOwnScores() {
        // given item 5 at its assessment, its figures confirmed
        approvedSeedList(2026);
        ProcessInstance instance = atSelfAssessment(5);
        completeTask(instance, TASK_SELF_ASSESS, "econ-officer", Map.of("finalPercentDone", 100,
                "finalIndicatorValue", 1500, "selfScore", 90, "selfAssessmentSummary", "全年完成情况及佐证材料见附件。"));
        completeTask(instance, TASK_CHECK_FIGURES, "stats-officer", Map.of("figureCheck", "CONFIRMED"));

        // when three experts score apart: one task each, assigned by name
        assertThat(openTask(instance, TASK_APPOINT_PANEL)).hasCandidateGroup("stc");
        expertsInPool("expert1", "expert2", "expert3");
        completeTask(instance, TASK_APPOINT_PANEL, "stc-officer", Map.of(PANEL_EXPERTS, "expert1,expert2,expert3"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_SCORE_AS_EXPERT).list()).extracting(Task::getAssignee)
                .containsExactlyInAnyOrder("expert1", "expert2", "expert3");
        panelScoresAlreadyAppointed(instance, Map.of("expert1", 80.0, "expert2", 85.0, "expert3", 93.5));

        // then the panel score is their mean, 86.2, and stc sees each expert's score
        assertThat(variable(instance, ASSESSMENT_SCORE)).isEqualTo(86.2);
        assertThat((String) variable(instance, "panelScores")).contains("expert1：80分", "expert3：93.5分");
        completeTask(instance, TASK_ASSESS, "stc-officer", Map.of("assessmentOpinion", "专家组评审意见。"));
        runAsyncJobs();
        assertThat(item(2026, 5).grade()).isEqualTo("GOOD");
    }

    @Test
    void shouldRefuseAPanelTooSmallOrWithSomeoneOutsideTheExpertPool() {
        approvedSeedList(2026);
        ProcessInstance instance = atSelfAssessment(6);
        completeTask(instance, TASK_SELF_ASSESS, "econ-officer", Map.of("finalPercentDone", 80,
                "finalIndicatorValue", 1500, "selfScore", 80, "selfAssessmentSummary", "全年完成情况及佐证材料见附件。"));
        completeTask(instance, TASK_CHECK_FIGURES, "stats-officer", Map.of("figureCheck", "CONFIRMED"));
        expertsInPool("expert1", "expert2");
        Task appoint = openTask(instance, TASK_APPOINT_PANEL);
        engine.getTaskService().claim(appoint.getId(), "stc-officer");

        assertThatThrownBy(() -> engine.getTaskService().complete(appoint.getId(), Map.of(PANEL_EXPERTS, "expert1,expert2")))
                .hasMessageContaining("评审专家：专家组至少3名专家");
        assertThatThrownBy(() -> engine.getTaskService().complete(appoint.getId(),
                Map.of(PANEL_EXPERTS, "expert1,expert2,econ-officer")))
                .hasMessageContaining("评审专家：econ-officer 不在专家库中");
        assertThatThrownBy(() -> engine.getTaskService().complete(appoint.getId(),
                Map.of(PANEL_EXPERTS, "expert1,expert2,expert1")))
                .hasMessageContaining("同一专家不能重复指派");
        assertThat(openTask(instance, TASK_APPOINT_PANEL)).isNotNull();
    }

    private void panelScoresAlreadyAppointed(ProcessInstance instance, Map<String, Double> scores) {
        scores.forEach((expert, score) -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(TASK_SCORE_AS_EXPERT).taskAssignee(expert).singleResult();
            engine.getIdentityService().setAuthenticatedUserId(expert);
            try {
                engine.getTaskService().complete(task.getId(), Map.of(EXPERT_SCORE, score, "expertOpinion", "目标基本实现。"));
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            runAsyncJobs();
        });
    }

    @Test
    void shouldGradeAFinishedHighScoringItemExcellentWithTheFiguresAsStatsCorrectedThem() {
        approvedSeedList(2026);
        ProcessInstance instance = atSelfAssessment(4);

        assess(instance, 100, "CORRECTED", 92);

        assertThat(instance).isEnded().hasPassed("Task_SendAssessmentResult");
        assertThat(item(2026, 4).grade()).isEqualTo("EXCELLENT");
        assertThat(item(2026, 4).awardEligible()).isTrue();
        assertThat(register.reports(2026, 4)).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("FINAL");
            assertThat(r.indicatorActual()).isEqualByComparingTo(new BigDecimal("1480"));
        });
        assertThat(mail.withTemplate("key-task-assessed")).singleElement().satisfies(sent -> {
            assertThat(sent.get("mailTo")).isEqualTo("stc");
            assertThat(sent.get("gradeLabel")).isEqualTo("优秀");
        });
        assertThat(statuses).containsEntry("KT-2026-004", "ASSESSMENT");
    }

    @Test
    void shouldTakeAwayAwardEligibilityFromAnItemThatWasRedDuringTheYear() {
        approvedSeedList(2026);
        register.setColour(2026, 12, Colour.RED, null);
        register.setColour(2026, 12, Colour.GREEN, null);
        ProcessInstance instance = atSelfAssessment(12);

        assess(instance, 100, "CONFIRMED", 85);

        assertThat(item(2026, 12).grade()).isEqualTo("GOOD");
        assertThat(item(2026, 12).awardEligible()).isFalse();
        assertThat(variable(instance, "outcome")).isEqualTo("考核等级：良好；年内曾为红色，不具备年度评优资格");
    }

    @Test
    void shouldGradeTheKnownDataSet() {
        // score, % done → grade, as the table says: a known set, one item each
        approvedSeedList(2026);
        Object[][] set = {{95.0, 100, "EXCELLENT"}, {95.0, 90, "GOOD"}, {80.0, 70, "GOOD"}, {79.5, 100, "PASS"},
                {60.0, 50, "PASS"}, {59.9, 100, "FAIL"}};
        for (int i = 0; i < set.length; i++) {
            ProcessInstance instance = atSelfAssessment(i + 1);
            assess(instance, (Integer) set[i][1], "CONFIRMED", (Double) set[i][0]);
            assertThat(item(2026, i + 1).grade()).as("score %s, %s%% done", set[i][0], set[i][1]).isEqualTo(set[i][2]);
        }
    }
}
