package cn.parkflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" and "today" as the process engine sees them, for every process. Statutory clocks, BPMN
 * deadlines and the dates a process writes (certificate validity, bans) must agree on the time,
 * and engine tests move the engine's clock with {@link ClockUtil}; in production this is the
 * system clock.
 *
 * <p>{@link #ZONE} is the one declaration of the administration's time zone. It is a constant,
 * not configuration, because static helpers such as {@link #today()} and process tests without
 * Spring need it, and because the holiday data are China's: {@code parkflow.calendar.zone} refuses
 * any other value, and {@link EngineTimeZone} makes it the JVM's default zone so cron timers fire
 * in it too.
 */
public final class EngineClock extends Clock {

    /** For annotations, which need a constant string. */
    public static final String ZONE_ID = "Asia/Shanghai";
    public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

    static final EngineClock INSTANCE = new EngineClock();

    private EngineClock() {
    }

    /** The engine's current moment. */
    public static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    /** The engine's current day in {@link #ZONE}. */
    public static LocalDate today() {
        return LocalDate.ofInstant(now(), ZONE);
    }

    @Override
    public Instant instant() {
        return now();
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
