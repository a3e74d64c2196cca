package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
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
        return engine.getRuntimeService().createProcessInstanceByKey(KEY).businessKey("KT-2026-00" + number)
                .startBeforeActivity(TASK_SELF_ASSESS)
                .setVariable(YEAR, 2026).setVariable(TASK_NUMBER, number).setVariable(LEAD_DEPARTMENT,
                        item(2026, number).entry().leadDepartment())
                .setVariable("taskTitle", item(2026, number).entry().title())
                .setVariable("assessmentDue", at("2027-03-01T17:30:00")).execute();
    }

    private void assess(ProcessInstance instance, int percent, String figureCheck, double score) {
        completeTask(instance, TASK_SELF_ASSESS, "lead-officer", Map.of("finalPercentDone", percent,
                "finalIndicatorValue", 1500, "selfScore", 90, "selfAssessmentSummary", "全年完成情况及佐证材料见附件。"));
        assertThat(openTask(instance, TASK_CHECK_FIGURES)).hasCandidateGroup("stats");
        completeTask(instance, TASK_CHECK_FIGURES, "stats-officer", "CORRECTED".equals(figureCheck)
                ? Map.of("figureCheck", figureCheck, "checkedIndicatorValue", 1480, "figureCheckOpinion", "按统计快报核减。")
                : Map.of("figureCheck", figureCheck));
        assertThat(openTask(instance, TASK_ASSESS)).hasCandidateGroup("stc");
        completeTask(instance, TASK_ASSESS, "stc-officer", Map.of("assessmentScore", score,
                "assessmentOpinion", "专家组评审意见。"));
        runAsyncJobs();
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
