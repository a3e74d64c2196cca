package cn.parkflow.calendar;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code parkflow.calendar.*}.
 *
 * @param officeHoursEnd  a deadline passes at this time of its day (DOMAIN.md §2 proposes 17:30)
 * @param zone            the administration's time zone
 * @param refreshInterval how often a node re-reads holiday data that another node may have changed
 */
@Validated
@ConfigurationProperties("parkflow.calendar")
record CalendarProperties(
        @NotNull @DefaultValue("17:30") LocalTime officeHoursEnd,
        @NotNull @DefaultValue("Asia/Shanghai") ZoneId zone,
        @NotNull @DefaultValue("PT1M") Duration refreshInterval) {
}
