package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ExpertScoreTest {

    @Test
    void shouldWeighCapabilityAndEffectivenessThirtyPercentEach() {
        assertThat(new ExpertScore("e", 100, 0, 0, 0, "").total()).isEqualTo(30.0);
        assertThat(new ExpertScore("e", 0, 100, 0, 0, "").total()).isEqualTo(30.0);
        assertThat(new ExpertScore("e", 0, 0, 100, 0, "").total()).isEqualTo(20.0);
        assertThat(new ExpertScore("e", 0, 0, 0, 100, "").total()).isEqualTo(20.0);
    }

    @Test
    void shouldGiveThePanelsMeanAndLowestTotal() {
        List<ExpertScore> panel = List.of(new ExpertScore("a", 80, 80, 80, 80, ""),
                new ExpertScore("b", 71, 72, 73, 74, ""), new ExpertScore("c", 55, 60, 65, 70, ""));
        assertThat(ExpertScore.min(panel)).isEqualTo(61.5);
        assertThat(ExpertScore.mean(panel)).isEqualTo(71.27);
    }
}
