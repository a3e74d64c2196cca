package cn.parkflow.keytask;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An indicator as {@code GET /api/indicators} shows it.
 *
 * @param quarterly the actual at the end of each quarter 1–4 (a flow summed since January), null where
 *                  none is known yet: reported by the owner, or the register's history for a register figure
 */
record IndicatorProgress(String code, String name, String unit, String kind, BigDecimal target, BigDecimal baseline,
                         BigDecimal actual, BigDecimal progressPercent, String owner, String source,
                         Integer lastReportedQuarter, Instant lastReportedAt, List<BigDecimal> quarterly) {

    static IndicatorProgress of(Indicator i, BigDecimal actual, BigDecimal progress, Integer quarter, Instant at,
                                List<BigDecimal> quarterly) {
        return new IndicatorProgress(i.code(), i.name(), i.unit(), i.kind(), i.target(), i.baseline(), actual, progress,
                i.owner(), i.source(), quarter, at, quarterly);
    }
}
