package cn.parkflow.calendar;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * "Now" as the process engine sees it. Statutory clocks and BPMN deadlines must agree on the
 * time, and engine tests move the engine's clock with {@link ClockUtil}; in production this is
 * the system clock.
 */
final class EngineClock extends Clock {

    static final EngineClock INSTANCE = new EngineClock();

    private EngineClock() {
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    Date now() {
        return ClockUtil.getCurrentTime();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }
}
