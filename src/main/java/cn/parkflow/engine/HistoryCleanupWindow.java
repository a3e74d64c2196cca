package cn.parkflow.engine;

import java.time.format.DateTimeFormatter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Camunda's history cleanup runs every night in {@code parkflow.retention.window-*}, removing
 * what each model's {@code historyTimeToLive} lets go (removal time = end of the instance + TTL).
 * The engine schedules its cleanup job at start once a window is set; with several nodes the job
 * runs on one of them.
 */
@Component
class HistoryCleanupWindow extends AbstractProcessEnginePlugin {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private final RetentionProperties retention;

    HistoryCleanupWindow(RetentionProperties retention) {
        this.retention = retention;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setHistoryCleanupBatchWindowStartTime(HH_MM.format(retention.windowStart()));
        configuration.setHistoryCleanupBatchWindowEndTime(HH_MM.format(retention.windowEnd()));
    }
}
