package cn.parkflow.keytask;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.figure.FigureSource;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Progress per indicator kind: a flow is summed, a stock and a ratio take the latest, a register figure is read. */
class IndicatorCatalogueTest {

    private final FigureSource register = mock(FigureSource.class);
    private IndicatorCatalogue catalogue;

    @BeforeEach
    void year() {
        when(register.codes()).thenReturn(Set.of("HIGH_QUALITY_INCUBATORS", "UPGRADED_INCUBATORS"));
        when(register.valueFor(eq("HIGH_QUALITY_INCUBATORS"), anyInt())).thenReturn(BigDecimal.ONE);
        when(register.valueFor(eq("UPGRADED_INCUBATORS"), anyInt())).thenReturn(BigDecimal.valueOf(4));
        catalogue = new IndicatorCatalogue(KeyTaskDatabase.fresh(), List.of(register));
        catalogue.ensureYear(2026);
    }

    private void actual(String code, int quarter, String value) {
        catalogue.recordActual(2026, code, quarter, new BigDecimal(value), "统计快报", "officer",
                Instant.parse("2026-%02d-08T02:00:00Z".formatted(quarter * 3 + 1)));
    }

    private IndicatorProgress progress(String code) {
        return catalogue.progress(2026).stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void shouldSumAFlowAndTakeTheLatestStockAndRatio() {
        actual("PCT_APPLICATIONS", 1, "40");
        actual("PCT_APPLICATIONS", 2, "50");
        actual("FUND_SCALE", 1, "300");
        actual("FUND_SCALE", 2, "320");
        actual("RD_INTENSITY", 1, "6.0");
        actual("RD_INTENSITY", 2, "6.5");

        assertThat(progress("PCT_APPLICATIONS").actual()).isEqualByComparingTo("90");
        assertThat(progress("PCT_APPLICATIONS").progressPercent()).isEqualByComparingTo("45.0");
        assertThat(progress("FUND_SCALE").actual()).isEqualByComparingTo("320");
        assertThat(progress("RD_INTENSITY").actual()).isEqualByComparingTo("6.5");
        assertThat(progress("RD_INTENSITY").progressPercent()).isEqualByComparingTo("95.6");
        assertThat(progress("RD_INTENSITY").lastReportedQuarter()).isEqualTo(2);
        assertThat(progress("LABOUR_PRODUCTIVITY").actual()).isNull();
    }

    @Test
    void shouldMeasureAStockFromItsBaselineWhenOneWasEntered() {
        catalogue.setBaseline(2026, "FUND_SCALE", new BigDecimal("300"));
        actual("FUND_SCALE", 2, "320");

        assertThat(progress("FUND_SCALE").progressPercent()).isEqualByComparingTo("40.0"); // (320 − 300) / (350 − 300)
    }

    @Test
    void shouldReadBothIncubatorTargetsFromTheRegister() {
        assertThat(progress("HIGH_QUALITY_INCUBATORS").actual()).isEqualByComparingTo("1");
        assertThat(progress("HIGH_QUALITY_INCUBATORS").progressPercent()).isEqualByComparingTo("50.0");
        assertThat(progress("UPGRADED_INCUBATORS").actual()).isEqualByComparingTo("4");
        assertThat(progress("UPGRADED_INCUBATORS").target()).isEqualByComparingTo("10");
        assertThat(catalogue.reportedCodes(2026)).hasSize(9).doesNotContain("HIGH_QUALITY_INCUBATORS", "UPGRADED_INCUBATORS");
    }
}
