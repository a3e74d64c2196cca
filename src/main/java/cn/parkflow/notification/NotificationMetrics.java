package cn.parkflow.notification;

import cn.parkflow.engine.GaugeTable;
import cn.parkflow.engine.RefreshedMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Mail and deadline metrics: the outbox backlog ({@code parkflow.outbox.pending}, oldest pending
 * row's age {@code parkflow.outbox.oldest.pending.seconds}), rows given up ({@code parkflow.outbox.failed}),
 * failed attempts on this node ({@code parkflow.mail.failures{kind}}), the time from outbox to SMTP
 * server ({@code parkflow.mail.delivery.latency}), and open tasks by department and the colour of
 * their latest deadline reminder ({@code parkflow.tasks.overdue{department,colour}}).
 */
@Component
class NotificationMetrics implements RefreshedMetrics {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestPendingSeconds = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Timer latency;
    private final GaugeTable overdue;

    NotificationMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        registry.gauge("parkflow.outbox.pending", pending);
        registry.gauge("parkflow.outbox.oldest.pending.seconds", oldestPendingSeconds);
        registry.gauge("parkflow.outbox.failed", failed);
        this.latency = Timer.builder("parkflow.mail.delivery.latency")
                .description("from the outbox write to the SMTP server's acceptance")
                // buckets a mail office can act on [proposal]: seconds is normal, minutes is backlog
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(10), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofHours(2))
                .register(registry);
        this.overdue = new GaugeTable(registry, "parkflow.tasks.overdue",
                "open tasks by candidate department and colour of the latest deadline reminder");
    }

    void delivered(Duration sinceWritten) {
        latency.record(sinceWritten.isNegative() ? Duration.ZERO : sinceWritten);
    }

    void failedAttempt(DeliveryException.Kind kind) {
        Counter.builder("parkflow.mail.failures").tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .description("failed delivery attempts on this node").register(registry).increment();
    }

    @Override
    public void refresh() {
        pending.set(count("SELECT count(*) FROM notification WHERE status = 'PENDING'"));
        failed.set(count("SELECT count(*) FROM notification WHERE status = 'FAILED'"));
        java.sql.Timestamp oldest = jdbc.sql("SELECT min(created_at) FROM notification WHERE status = 'PENDING'")
                .query((rs, row) -> rs.getTimestamp(1)).list().get(0);
        oldestPendingSeconds.set(oldest == null ? 0
                : Math.max(0, Duration.between(oldest.toInstant(), java.time.Instant.now()).toSeconds()));
        Map<Map<String, String>, Long> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(l.GROUP_ID_, 'none') AS department, v.TEXT_ AS colour, "
                        + "count(DISTINCT v.TASK_ID_) AS tasks FROM ACT_RU_VARIABLE v "
                        + "JOIN ACT_RU_TASK t ON t.ID_ = v.TASK_ID_ "
                        + "LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = v.TASK_ID_ AND l.TYPE_ = 'candidate' "
                        + "AND l.GROUP_ID_ IS NOT NULL "
                        + "WHERE v.NAME_ = ? GROUP BY l.GROUP_ID_, v.TEXT_")
                .param(DeadlineReminderSender.COLOUR)
                .query((rs, row) -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    tags.put("department", rs.getString("department"));
                    tags.put("colour", colour(rs.getString("colour")));
                    return Map.entry(tags, rs.getLong("tasks"));
                }).list().forEach(entry -> rows.merge(entry.getKey(), entry.getValue(), Long::sum));
        overdue.refresh(rows);
    }

    /** 蓝色提醒 → blue, 黄色预警 → yellow, 红色督办 → red. */
    private static String colour(String label) {
        for (ReminderLevel level : ReminderLevel.values()) {
            if (level.label.equals(label)) {
                return level.name().toLowerCase(Locale.ROOT);
            }
        }
        return "unknown";
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
