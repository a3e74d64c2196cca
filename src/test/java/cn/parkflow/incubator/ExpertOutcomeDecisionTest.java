package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** incubator-expert-outcome.dmn: one test per rule, at the boundaries. */
class ExpertOutcomeDecisionTest {

    private static Map<String, Object> outcome(double mean, double min) {
        return DecisionTables.evaluate("incubator-expert-outcome.dmn", "incubator-expert-outcome",
                Map.of("expertMeanScore", mean, "expertMinScore", min)).getSingleResult().getEntryMap();
    }

    @Test
    void shouldPassAtMeanSeventyWithNobodyBelowSixty() {
        assertThat(outcome(70.0, 60.0)).containsEntry("expertReviewPassed", true);
    }

    @Test
    void shouldFailBelowMeanSeventy() {
        assertThat(outcome(69.99, 65.0)).containsEntry("expertReviewPassed", false)
                .containsEntry("expertOutcomeReason", "专家平均分低于70分");
    }

    @Test
    void shouldFailWhenOneExpertScoredBelowSixtyDespiteAGoodMean() {
        assertThat(outcome(82.0, 59.5)).containsEntry("expertReviewPassed", false)
                .containsEntry("expertOutcomeReason", "有专家评分低于60分（一票否决）");
    }
}
