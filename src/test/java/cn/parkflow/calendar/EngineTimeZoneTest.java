package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.calendar.CronTimer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultBootstrapContext;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessorsFactory;
import org.springframework.core.env.StandardEnvironment;

/** The test JVM runs in Asia/Shanghai (surefire argLine); these tests start from a server in UTC. */
class EngineTimeZoneTest {

    private final TimeZone testZone = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(testZone);
    }

    @Test
    void shouldFireTheAnnualEvaluationCronAtNineInShanghaiOnAServerInUtc() throws Exception {
        // given
        TimeZone.setDefault(TimeZone.getTimeZone("UTC"));

        // when
        new EngineTimeZone(Supplier::get).postProcessEnvironment(new StandardEnvironment(), new SpringApplication());

        // then: incubator-annual-evaluation-round's "1 March 09:00"
        Date due = CronTimer.parse("0 0 9 1 3 ?").getDueDate(Date.from(Instant.parse("2026-11-29T00:00:00Z")));
        assertThat(TimeZone.getDefault().toZoneId()).isEqualTo(EngineClock.ZONE);
        assertThat(due.toInstant()).isEqualTo(ZonedDateTime.parse("2027-03-01T09:00+08:00[Asia/Shanghai]").toInstant());
    }

    @Test
    void shouldRunAtEveryStartOfTheApplication() {
        var postProcessors = EnvironmentPostProcessorsFactory.fromSpringFactories(getClass().getClassLoader())
                .getEnvironmentPostProcessors(Supplier::get, new DefaultBootstrapContext());

        assertThat(postProcessors).hasAtLeastOneElementOfType(EngineTimeZone.class);
    }

    @Test
    void shouldRefuseAConfiguredZoneThatEngineTimeWouldNotFollow() {
        assertThatThrownBy(() -> new CalendarProperties(LocalTime.of(17, 30), ZoneId.of("UTC"), Duration.ZERO))
                .hasMessageContaining("parkflow.calendar.zone must be Asia/Shanghai");
    }
}
