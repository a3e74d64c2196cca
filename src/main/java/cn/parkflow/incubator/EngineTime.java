package cn.parkflow.incubator;

import java.time.LocalDate;
import java.time.ZoneId;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Today in Shanghai by the engine's clock, so process tests that move {@link ClockUtil} move the
 * dates written by this process too (certificate validity, bans, operating years).
 */
final class EngineTime {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private EngineTime() {
    }

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), SHANGHAI);
    }
}
