package cn.parkflow.bench;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * S4: {@code count} deadline reminders (黄色预警) of open department tasks falling due at the same
 * moment. The application's own relay thread sends them (it looks every poll interval and again at
 * once after each pass that wrote mail); {@code extraSenders} more threads run the same reminder
 * sender at the same time, as further nodes would, so that a reminder claimed twice would show as a
 * duplicate. Measured: time until every reminder is written to the outbox, time until every one of
 * those mails has been delivered, and duplicates (reminders mailed more than once to a recipient).
 */
final class ReminderDrain {

    /** NaN seconds: not done within the time allowed; then {@code writtenInTime} tells how far it got. */
    record Drain(double writtenSeconds, double deliveredSeconds, int reminders, int writtenInTime, int mails,
                 int duplicates) {
    }

    private final ApplicationContext context;
    private final JdbcTemplate jdbc;
    private int offset;

    ReminderDrain(ApplicationContext context, JdbcTemplate jdbc) {
        this.context = context;
        this.jdbc = jdbc;
    }

    Drain drain(int count, int extraSenders, long timeoutMillis) throws Exception {
        String tasks = "SELECT id_ FROM act_ru_task WHERE id_ LIKE 'x%' ORDER BY id_ OFFSET " + offset + " LIMIT " + count;
        offset += count;
        jdbc.update("DELETE FROM task_reminder WHERE task_id IN (" + tasks + ")");
        String marker = "task:x%:reminder:YELLOW:%";
        int mailsBefore = jdbc.queryForObject("SELECT count(*) FROM notification WHERE dedup_key LIKE ?", Integer.class, marker);
        long start = System.nanoTime();
        int armed = jdbc.update("INSERT INTO task_reminder (task_id, reminder_level, due_at, fire_at) "
                + "SELECT id_, 'YELLOW', due_date_, now() - interval '1 minute' FROM act_ru_task WHERE id_ IN (" + tasks + ")");
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> senders = new ArrayList<>();
        Object sender = context.getBean(Class.forName("cn.parkflow.notification.DeadlineReminderSender"));
        Method sendDue = sender.getClass().getDeclaredMethod("sendDue");
        sendDue.setAccessible(true);
        for (int i = 0; i < extraSenders; i++) {
            Thread thread = new Thread(() -> {
                while (!done.get()) {
                    try {
                        sendDue.invoke(sender);
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }, "bench-reminder-node-" + i);
            thread.start();
            senders.add(thread);
        }
        long deadline = start + timeoutMillis * 1_000_000;
        double written = Double.NaN;
        double delivered = Double.NaN;
        while (System.nanoTime() < deadline) {
            int open = jdbc.queryForObject("SELECT count(*) FROM task_reminder WHERE sent_at IS NULL "
                    + "AND reminder_level = 'YELLOW' AND task_id IN (" + tasks + ")", Integer.class);
            if (open == 0 && Double.isNaN(written)) {
                written = (System.nanoTime() - start) / 1e9;
                done.set(true);
            }
            if (!Double.isNaN(written)) {
                int pending = jdbc.queryForObject("SELECT count(*) FROM notification WHERE dedup_key LIKE ? "
                        + "AND status = 'PENDING'", Integer.class, marker);
                if (pending == 0) {
                    delivered = (System.nanoTime() - start) / 1e9;
                    break;
                }
            }
            Thread.sleep(100);
        }
        // only the level armed here: sending sets the task's colour, and the kernel may arm the task's other levels
        int writtenInTime = armed - jdbc.queryForObject("SELECT count(*) FROM task_reminder WHERE sent_at IS NULL "
                + "AND reminder_level = 'YELLOW' AND task_id IN (" + tasks + ")", Integer.class);
        done.set(true);
        for (Thread thread : senders) {
            thread.join();
        }
        int mails = jdbc.queryForObject("SELECT count(*) FROM notification WHERE dedup_key LIKE ?", Integer.class, marker)
                - mailsBefore;
        // one mail per reminder and recipient: the same task, level and recipient twice is a duplicate
        int duplicates = jdbc.queryForObject("SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) n FROM notification "
                + "WHERE dedup_key LIKE ? GROUP BY split_part(dedup_key, ':', 2), recipient HAVING count(*) > 1) d",
                Integer.class, marker);
        return new Drain(written, delivered, armed, writtenInTime, mails, duplicates);
    }
}
