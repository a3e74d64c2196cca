package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** incubator-annual-consequence.dmn: one case per rule; an empty previous grade is a first evaluation. */
class AnnualConsequenceDecisionTest {

    @ParameterizedTest(name = "grade {0} after {1} → {2}")
    @CsvSource({
            "A, D, KEEP",
            "B, , KEEP",
            "C, D, KEEP",
            "D, C, RECTIFY",
            "D, , RECTIFY",
            "D, D, REVOKE"})
    void shouldDecideTheConsequenceOfAGrade(String grade, String previousGrade, String consequence) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("grade", grade);
        variables.put("previousGrade", previousGrade);
        Map<String, Object> result = DecisionTables.evaluate("incubator-annual-consequence.dmn",
                "incubator-annual-consequence", variables).getSingleResult().getEntryMap();
        assertThat(result).containsEntry("consequence", consequence);
        assertThat((String) result.get("consequenceExplanation")).isNotBlank();
    }
}
