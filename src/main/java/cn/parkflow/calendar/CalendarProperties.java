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
 * @param zone            the administration's time zone: only {@link EngineClock#ZONE}, which static engine
 *                        time and cron timers use too; any other value is refused rather than half applied
 * @param refreshInterval how often a node re-reads holiday data that another node may have changed
 */
@Validated
@ConfigurationProperties("parkflow.calendar")
record CalendarProperties(
        @NotNull @DefaultValue("17:30") LocalTime officeHoursEnd,
        @NotNull @DefaultValue(EngineClock.ZONE_ID) ZoneId zone,
        @NotNull @DefaultValue("PT1M") Duration refreshInterval) {

    CalendarProperties {
        if (zone != null && !zone.equals(EngineClock.ZONE)) {
            throw new IllegalArgumentException("parkflow.calendar.zone must be " + EngineClock.ZONE_ID + " (was " + zone
                    + "): engine time, holiday data and cron timers are fixed to it in EngineClock.ZONE");
        }
    }
}
