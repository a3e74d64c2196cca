package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** incubator-site-inspection-routing.dmn: stc always, plus the block operator. */
class SiteInspectionRoutingDecisionTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            ZEROBAY   | stc,zerobay
            XINZHUANG | stc,xinzhuang
            MHEDZ     | stc,mhedz
            OTHER     | stc
            """)
    void shouldRouteToStcAndTheBlockOperator(String block, String groups) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("block", block);
        List<String> result = DecisionTables.evaluate("incubator-site-inspection-routing.dmn",
                "incubator-site-inspection-routing", variables).collectEntries("candidateGroup");
        assertThat(result).containsExactly(groups.split(","));
    }
}
