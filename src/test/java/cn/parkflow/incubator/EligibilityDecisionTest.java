package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** incubator-eligibility.dmn: one test per rule of both tables. */
class EligibilityDecisionTest {

    /** An incubator that meets every threshold of 国科发区〔2018〕300号 第九条, with a little margin. */
    static Map<String, Object> qualifying() {
        Map<String, Object> v = new HashMap<>();
        v.put("operatingYears", 4);
        v.put("statisticsYears", 3);
        v.put("area", 12000);
        v.put("incubateeArea", 10000);
        v.put("incubateeCount", 60);
        v.put("graduatedCount", 25);
        v.put("fundSize", 800);
        v.put("financedCount", 10);
        v.put("staffCount", 10);
        v.put("professionalStaffCount", 9);
        v.put("mentorCount", 8);
        v.put("patentApplicantCount", 35);
        v.put("validIpCount", 20);
        return v;
    }

    private static List<String> failures(Map<String, Object> variables) {
        return evaluateCriteria(variables).collectEntries("failedCriterion");
    }

    private static DmnDecisionResult evaluateCriteria(Map<String, Object> variables) {
        return DecisionTables.evaluate("incubator-eligibility.dmn", "incubator-eligibility-criteria", variables);
    }

    @Test
    void shouldListNoFailureWhenEveryThresholdIsMet() {
        assertThat(failures(qualifying())).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            operatingYears        | 2     | 运营时间不足3年
            statisticsYears       | 1     | 火炬统计数据不足2年
            incubateeArea         | 8900  | 在孵企业使用面积占比低于75%
            graduatedCount        | 19    | 累计毕业企业不足20家
            fundSize              | 499   | 孵化资金不足500万元
            financedCount         | 5     | 获得投融资的在孵企业占比低于10%
            professionalStaffCount| 7     | 专业孵化服务人员占比低于80%
            """)
    void shouldNameTheSingleFailedCriterion(String figure, int value, String expected) {
        Map<String, Object> variables = qualifying();
        variables.put(figure, value);
        assertThat(failures(variables)).containsExactly(expected);
    }

    @Test
    void shouldFailAreaBelowTenThousandSquareMetres() {
        Map<String, Object> variables = qualifying();
        variables.put("area", 9999);
        variables.put("incubateeArea", 9000);
        variables.put("incubateeCount", 60);
        assertThat(failures(variables)).containsExactly("孵化场地面积不足10000平方米");
    }

    @Test
    void shouldFailFewerThanFiftyIncubatees() {
        Map<String, Object> variables = qualifying();
        variables.put("incubateeCount", 49);
        variables.put("area", 10000);
        variables.put("incubateeArea", 8000);
        variables.put("mentorCount", 5);
        assertThat(failures(variables)).containsExactly("在孵企业不足50家");
    }

    @Test
    void shouldFailFewerThanThreeIncubateesPerThousandSquareMetres() {
        Map<String, Object> variables = qualifying();
        variables.put("area", 25000);
        variables.put("incubateeArea", 20000);
        variables.put("incubateeCount", 74);
        variables.put("patentApplicantCount", 40);
        variables.put("staffCount", 10);
        variables.put("mentorCount", 8);
        assertThat(failures(variables)).containsExactly("每千平方米在孵企业不足3家");
    }

    @Test
    void shouldFailLessThanOneStaffPerTenIncubatees() {
        Map<String, Object> variables = qualifying();
        variables.put("staffCount", 5);
        variables.put("professionalStaffCount", 5);
        assertThat(failures(variables)).containsExactly("每10家在孵企业配备的孵化服务人员不足1名");
    }

    @Test
    void shouldFailLessThanOneMentorPerTenIncubatees() {
        Map<String, Object> variables = qualifying();
        variables.put("mentorCount", 5);
        assertThat(failures(variables)).containsExactly("每10家在孵企业配备的创业导师不足1名");
    }

    @Test
    void shouldFailIntellectualPropertyOnlyWhenBothSharesAreLow() {
        Map<String, Object> patentsLowOnly = qualifying();
        patentsLowOnly.put("patentApplicantCount", 20);
        assertThat(failures(patentsLowOnly)).as("valid IP ≥30%% still qualifies").isEmpty();

        Map<String, Object> bothLow = qualifying();
        bothLow.put("patentApplicantCount", 29);
        bothLow.put("validIpCount", 17);
        assertThat(failures(bothLow)).containsExactly(
                "知识产权指标不达标：申请专利的在孵企业占比低于50%且拥有有效知识产权的在孵企业占比低于30%");
    }

    @Test
    void shouldReportEveryFailureOfAnEmptyIncubatorWithoutDividingByZero() {
        Map<String, Object> empty = qualifying();
        empty.replaceAll((key, value) -> 0);
        assertThat(failures(empty)).hasSize(13);
    }

    // --- incubator-reachable-track (FIRST) ---------------------------------------------------

    private static Map<String, Object> track(int failed, int area, int incubatees, int years, String requested) {
        DmnDecisionResult result = DecisionTables.evaluate("incubator-eligibility.dmn", "incubator-reachable-track",
                Map.of("failedCriterionCount", failed, "area", area, "incubateeCount", incubatees,
                        "operatingYears", years, "requestedTrack", requested));
        return result.getSingleResult().getEntryMap();
    }

    @Test
    void shouldReachHighQualityWhenNothingFailed() {
        assertThat(track(0, 12000, 60, 4, "UPGRADE")).containsEntry("reachableTrack", "HIGH_QUALITY")
                .containsEntry("eligible", true);
    }

    @Test
    void shouldAcceptCultivationWhenRequestedAndFewCriteriaFailed() {
        assertThat(track(4, 5000, 25, 2, "CULTIVATION")).containsEntry("reachableTrack", "CULTIVATION")
                .containsEntry("eligible", true);
    }

    @Test
    void shouldRefuseHighQualityWhenOnlyCultivationIsReachable() {
        assertThat(track(2, 8000, 40, 3, "HIGH_QUALITY")).containsEntry("reachableTrack", "CULTIVATION")
                .containsEntry("eligible", false);
    }

    @Test
    void shouldAcceptCityCarrierWhenRequested() {
        assertThat(track(5, 3000, 10, 1, "CITY_CARRIER")).containsEntry("reachableTrack", "CITY_CARRIER")
                .containsEntry("eligible", true);
    }

    @Test
    void shouldRefuseCultivationWhenOnlyCityCarrierIsReachable() {
        assertThat(track(2, 4999, 40, 3, "CULTIVATION")).containsEntry("reachableTrack", "CITY_CARRIER")
                .containsEntry("eligible", false);
    }

    @Test
    void shouldReachNoTrackBelowTheCityCarrierMinimum() {
        assertThat(track(8, 2999, 10, 5, "CITY_CARRIER")).containsEntry("reachableTrack", "NONE")
                .containsEntry("eligible", false);
    }
}
