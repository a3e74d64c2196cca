package cn.parkflow.keytask;

import java.math.BigDecimal;
import java.time.Instant;

/** An indicator as {@code GET /api/indicators} shows it. */
record IndicatorProgress(String code, String name, String unit, String kind, BigDecimal target, BigDecimal baseline,
                         BigDecimal actual, BigDecimal progressPercent, String owner, String source,
                         Integer lastReportedQuarter, Instant lastReportedAt) {

    static IndicatorProgress of(Indicator i, BigDecimal actual, BigDecimal progress, Integer quarter, Instant at) {
        return new IndicatorProgress(i.code(), i.name(), i.unit(), i.kind(), i.target(), i.baseline(), actual, progress,
                i.owner(), i.source(), quarter, at);
    }
}
