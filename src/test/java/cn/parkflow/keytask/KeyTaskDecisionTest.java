package cn.parkflow.keytask;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One case per rule of key-task-colour.dmn and key-task-grade.dmn, with the boundaries of their thresholds. */
class KeyTaskDecisionTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static String evaluate(String file, String key, Map<String, Object> variables) throws IOException {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/dmn", file))) {
            return DMN.evaluateDecisionTable(DMN.parseDecision(key, in), variables).getSingleResult().getSingleEntry();
        }
    }

    @ParameterizedTest(name = "overdue={0} missed={1} late={2} gap={3} days={4} → {5}")
    @CsvSource({
            "true,  false, false, 0,  20, RED",     // overdue
            "false, true,  false, 0,  20, RED",     // milestone missed
            "false, false, true,  0,  20, YELLOW",  // late report
            "false, false, false, 11, 20, YELLOW",  // more than 10 points behind the schedule
            "false, false, false, 10, 5,  BLUE",    // 10 points behind is not yet yellow; 5 working days to a deadline
            "false, false, false, -5, 0,  BLUE",    // due today
            "false, false, false, 10, 6,  GREEN",   // on track
            "true,  true,  true,  50, 0,  RED"})    // red before everything
    void shouldColourEachRule(boolean overdue, boolean missed, boolean late, int gap, int days, String colour) throws IOException {
        Map<String, Object> facts = new HashMap<>();
        facts.put("overdue", overdue);
        facts.put("milestoneMissed", missed);
        facts.put("reportLate", late);
        facts.put("scheduleGap", gap);
        facts.put("workingDaysToDeadline", days);

        assertThat(evaluate("key-task-colour.dmn", "key-task-colour", facts)).isEqualTo(colour);
    }

    @ParameterizedTest(name = "score {0}, {1}% done → {2}")
    @CsvSource({"90, 100, EXCELLENT", "100, 100, EXCELLENT", "90, 99, GOOD", "89.9, 100, GOOD", "80, 0, GOOD",
            "79.9, 100, PASS", "60, 100, PASS", "59.9, 100, FAIL", "0, 0, FAIL"})
    void shouldGradeEachRule(double score, int percent, String grade) throws IOException {
        assertThat(evaluate("key-task-grade.dmn", "key-task-grade",
                Map.of("assessmentScore", score, "finalPercentDone", percent))).isEqualTo(grade);
    }
}
