package cn.parkflow.engine;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** {@code parkflow.metrics.*}. @param refreshInterval how old a database gauge may be */
@Validated
@ConfigurationProperties("parkflow.metrics")
record MetricsProperties(@NotNull Duration refreshInterval) {
}
