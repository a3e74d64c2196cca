package cn.parkflow.keytask;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.figure.FigureSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The year's indicators: targets, quarterly actuals by their owners, figures read from registers, progress. */
@Component("indicatorCatalogue")
@Transactional
public class IndicatorCatalogue { // public: the list model calls reportedCodes(…) and owner(…) in expressions

    private static final String COLUMNS = "code, name, unit, kind, target, baseline, owner, source";

    private final JdbcClient jdbc;
    private final List<FigureSource> figures;

    IndicatorCatalogue(JdbcClient jdbc, List<FigureSource> figures) {
        this.jdbc = jdbc;
        this.figures = figures;
    }

    /** The indicators of {@code year}; the plan's when the year has none yet (targets are the plan's 2026 ones). */
    void ensureYear(int year) {
        if (!indicators(year).isEmpty()) {
            return;
        }
        for (Indicator i : Indicator.PLAN_2026) {
            jdbc.sql("INSERT INTO indicator (list_year, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(year, i.code(), i.name(), i.unit(), i.kind(), i.target(), i.baseline(), i.owner(), i.source())
                    .update();
        }
    }

    /** A baseline is entered with the list (the plan gives none). */
    void setBaseline(int year, String code, BigDecimal baseline) {
        jdbc.sql("UPDATE indicator SET baseline = ? WHERE list_year = ? AND code = ?").params(baseline, year, code).update();
    }

    @Transactional(readOnly = true)
    List<Indicator> indicators(int year) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM indicator WHERE list_year = ? ORDER BY code").param(year)
                .query((rs, row) -> new Indicator(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getString(7), rs.getString(8)))
                .list();
    }

    @Transactional(readOnly = true)
    Indicator indicator(int year, String code) {
        return indicators(year).stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(year + "年度没有指标 " + code));
    }

    /** The codes the owners report by hand, one task each per quarter (the multi-instance collection). */
    @Transactional(readOnly = true)
    public List<String> reportedCodes(Object year) {
        return indicators(((Number) year).intValue()).stream().filter(i -> Indicator.REPORTED.equals(i.source()))
                .map(Indicator::code).toList();
    }

    /** The owner department of an indicator: the candidate group of its reporting task. */
    @Transactional(readOnly = true)
    public String owner(Object year, String code) {
        return indicator(((Number) year).intValue(), code).owner();
    }

    void recordActual(int year, String code, int quarter, BigDecimal actual, String evidence, String by, Instant at) {
        jdbc.sql("DELETE FROM indicator_actual WHERE list_year = ? AND code = ? AND quarter = ?").params(year, code, quarter)
                .update();
        jdbc.sql("INSERT INTO indicator_actual (list_year, code, quarter, actual, evidence, reported_by, reported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(year, code, quarter, actual, evidence, by, Timestamp.from(at)).update();
    }

    /** Target, latest actual, progress, owner and last report of every indicator of the year. */
    @Transactional(readOnly = true)
    List<IndicatorProgress> progress(int year) {
        List<IndicatorProgress> rows = new ArrayList<>();
        for (Indicator indicator : indicators(year)) {
            rows.add(Indicator.REGISTER.equals(indicator.source()) ? fromRegister(indicator, year) : reported(indicator, year));
        }
        return rows;
    }

    private IndicatorProgress fromRegister(Indicator indicator, int year) {
        FigureSource source = figures.stream().filter(f -> f.codes().contains(indicator.code())).findFirst().orElse(null);
        BigDecimal value = source == null ? null : source.valueFor(indicator.code(), year);
        List<BigDecimal> quarterly = source == null ? Arrays.asList(null, null, null, null)
                : source.quarterly(indicator.code(), year, EngineClock.today());
        return IndicatorProgress.of(indicator, value, progressOf(indicator, value), null, null, quarterly);
    }

    private IndicatorProgress reported(Indicator indicator, int year) {
        record Actual(int quarter, BigDecimal value, Instant at) {
        }
        List<Actual> actuals = jdbc.sql("SELECT quarter, actual, reported_at FROM indicator_actual WHERE list_year = ? "
                        + "AND code = ? ORDER BY quarter")
                .params(year, indicator.code())
                .query((rs, row) -> new Actual(rs.getInt(1), rs.getBigDecimal(2), rs.getTimestamp(3).toInstant())).list();
        if (actuals.isEmpty()) {
            return IndicatorProgress.of(indicator, null, null, null, null, Arrays.asList(null, null, null, null));
        }
        List<BigDecimal> quarterly = Arrays.asList(null, null, null, null);
        BigDecimal sum = BigDecimal.ZERO;
        for (Actual actual : actuals) {
            sum = sum.add(actual.value());
            quarterly.set(actual.quarter() - 1, Indicator.FLOW.equals(indicator.kind()) ? sum : actual.value());
        }
        Actual latest = actuals.get(actuals.size() - 1);
        BigDecimal value = Indicator.FLOW.equals(indicator.kind())
                ? actuals.stream().map(Actual::value).reduce(BigDecimal.ZERO, BigDecimal::add) : latest.value();
        return IndicatorProgress.of(indicator, value, progressOf(indicator, value), latest.quarter(), latest.at(),
                quarterly);
    }

    /**
     * Percent of the way to the target: from the baseline when one was entered (a stock or ratio
     * grows from where it stood), else from zero; a flow always from zero, being this year's sum.
     */
    static BigDecimal progressOf(Indicator indicator, BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal from = indicator.baseline() != null && !Indicator.FLOW.equals(indicator.kind())
                ? indicator.baseline() : BigDecimal.ZERO;
        BigDecimal span = indicator.target().subtract(from);
        if (span.signum() <= 0) {
            return value.compareTo(indicator.target()) >= 0 ? BigDecimal.valueOf(100) : BigDecimal.ZERO;
        }
        return value.subtract(from).multiply(BigDecimal.valueOf(100)).divide(span, 1, RoundingMode.HALF_UP);
    }
}
