package cn.parkflow.notification;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the {@link NotificationRelay} on one thread of its own: every {@code poll-interval}, and
 * at once when a transaction that wrote notifications commits on this node. Each pass first
 * writes the deadline reminders that have fallen due ({@link DeadlineReminderSender}) and the
 * departments' digests of the interval that has ended ({@link DigestSender}), so they go out in the
 * same pass.
 */
@Component
class RelayScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayScheduler.class);

    private final NotificationRelay relay;
    private final DeadlineReminderSender reminders;
    private final DigestSender digests;
    private final NotificationProperties properties;
    private final RelayNode node;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;

    RelayScheduler(NotificationRelay relay, DeadlineReminderSender reminders, DigestSender digests,
                   NotificationProperties properties, RelayNode node) {
        this.relay = relay;
        this.reminders = reminders;
        this.digests = digests;
        this.properties = properties;
        this.node = node;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void onEnqueued(Notifications.NotificationsEnqueued event) {
        wakeUp();
    }

    /** Runs a pass soon on the relay thread; wake-ups that arrive while one is queued are merged. */
    void wakeUp() {
        ScheduledExecutorService current = executor;
        if (current != null && wakeRequested.compareAndSet(false, true)) {
            try {
                current.execute(() -> {
                    wakeRequested.set(false);
                    pass();
                });
            } catch (RejectedExecutionException shuttingDown) {
                // runs after a commit: never fail the committed work; the next node start sends it
                wakeRequested.set(false);
            }
        }
    }

    private void pass() {
        try {
            reminders.sendDue();
            digests.sendDue();
            relay.deliverDue();
        } catch (RuntimeException e) {
            // a database hiccup must not kill the relay thread; the next pass tries again
            log.warn("Notification relay pass failed: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (!properties.relay().enabled()) {
            log.info("Notification relay disabled on this node (parkflow.notification.relay.enabled=false)");
            return;
        }
        ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "notification-relay");
            thread.setDaemon(true);
            return thread;
        });
        long poll = properties.relay().pollInterval().toMillis();
        started.scheduleWithFixedDelay(this::pass, poll, poll, TimeUnit.MILLISECONDS);
        executor = started;
        log.info("Notification relay started on node {}{}", node.id(),
                properties.redirecting() ? ", redirecting all mail to " + properties.redirectAllTo() : "");
    }

    @Override
    public void stop() {
        ScheduledExecutorService current = executor;
        executor = null;
        if (current != null) {
            current.shutdown();
            try {
                // a send in flight ends within its timeouts; an unfinished lease simply expires
                current.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            current.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
