package cn.parkflow.engine;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/** Runs every {@link RefreshedMetrics} bean once at start and then every refresh interval. */
@Component
class MetricsRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MetricsRefresher.class);

    private final ObjectProvider<RefreshedMetrics> metrics;
    private final MetricsProperties properties;
    private volatile ScheduledExecutorService executor;

    MetricsRefresher(ObjectProvider<RefreshedMetrics> metrics, MetricsProperties properties) {
        this.metrics = metrics;
        this.properties = properties;
    }

    void refreshAll() {
        metrics.orderedStream().forEach(each -> {
            try {
                each.refresh();
            } catch (RuntimeException e) {
                log.warn("Metrics refresh of {} failed: {}", each.getClass().getSimpleName(), e.toString());
            }
        });
    }

    @Override
    public void start() {
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "metrics-refresh");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.refreshInterval().toMillis();
        started.scheduleWithFixedDelay(this::refreshAll, 0, interval, TimeUnit.MILLISECONDS);
        executor = started;
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
