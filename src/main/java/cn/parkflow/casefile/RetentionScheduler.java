package cn.parkflow.casefile;

import cn.parkflow.engine.RetentionProperties;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs {@link CaseRetention} every night at {@code parkflow.retention.window-start} (JVM zone,
 * Asia/Shanghai), beside Camunda's history cleanup. Every node runs it; a run only deletes, so two
 * nodes running at once remove each row once.
 */
@Component
class RetentionScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);

    private final CaseRetention retention;
    private final RetentionProperties properties;
    private volatile ScheduledExecutorService executor;

    RetentionScheduler(CaseRetention retention, RetentionProperties properties) {
        this.retention = retention;
        this.properties = properties;
    }

    private void runAndReschedule() {
        try {
            log.info("Case retention run: removed {}", retention.run());
        } catch (RuntimeException e) {
            log.warn("Case retention run failed, next run tomorrow: {}", e.toString());
        }
        schedule();
    }

    private void schedule() {
        ScheduledExecutorService current = executor;
        if (current == null) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now();
        ZonedDateTime next = now.with(properties.windowStart());
        if (!next.isAfter(now)) {
            next = next.plusDays(1);
        }
        current.schedule(this::runAndReschedule, Duration.between(now, next).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "case-retention");
            thread.setDaemon(true);
            return thread;
        });
        schedule();
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
