package cn.parkflow.engine;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code parkflow.retention.*}: when history is cleaned up and how long a closed case's data are
 * kept. Times are Asia/Shanghai (the JVM's zone, see calendar.EngineTimeZone).
 *
 * @param windowStart Camunda's history cleanup and our case retention run from here …
 * @param windowEnd   … to here, every night; the window may cross midnight
 * @param processes   retention after a case closes, by process definition key of the process that
 *                    opened it; a process not listed keeps its case data as long as its model's
 *                    {@code historyTimeToLive}
 */
@Validated
@ConfigurationProperties("parkflow.retention")
public record RetentionProperties(
        @NotNull LocalTime windowStart,
        @NotNull LocalTime windowEnd,
        Map<String, Duration> processes) {

    public RetentionProperties {
        processes = processes == null ? Map.of() : Map.copyOf(processes);
    }

    public Optional<Duration> configured(String processKey) {
        return Optional.ofNullable(processes.get(processKey));
    }
}
