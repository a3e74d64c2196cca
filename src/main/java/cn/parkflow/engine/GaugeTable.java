package cn.parkflow.engine;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One gauge per combination of tags, read from the database by a {@link RefreshedMetrics} bean.
 * A combination that no longer occurs is dropped, so a closed process or department disappears
 * instead of standing at its last value.
 */
public final class GaugeTable {

    private final MultiGauge gauge;

    public GaugeTable(MeterRegistry registry, String name, String description) {
        this.gauge = MultiGauge.builder(name).description(description).register(registry);
    }

    /** @param rows tags (name → value, in a stable order) and the count for them */
    public void refresh(Map<Map<String, String>, ? extends Number> rows) {
        List<MultiGauge.Row<?>> update = rows.entrySet().stream()
                .map(row -> MultiGauge.Row.of(Tags.of(row.getKey().entrySet().stream()
                        .map(tag -> io.micrometer.core.instrument.Tag.of(tag.getKey(), tag.getValue()))
                        .collect(Collectors.toList())), row.getValue()))
                .collect(Collectors.toList());
        gauge.register(update, true);
    }
}
