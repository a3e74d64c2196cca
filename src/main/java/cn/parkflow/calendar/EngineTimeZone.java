package cn.parkflow.calendar;

import java.util.TimeZone;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Makes {@link EngineClock#ZONE} the JVM's default time zone before any bean exists. Camunda
 * evaluates cron timers ({@code 0 0 9 1 3 ?}: 1 March 09:00) in the JVM default zone, so on a
 * server running in UTC they would fire eight hours late. Registered in {@code META-INF/spring.factories}.
 */
class EngineTimeZone implements EnvironmentPostProcessor {

    private final Log log;

    EngineTimeZone(DeferredLogFactory logs) {
        this.log = logs.getLog(EngineTimeZone.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        TimeZone.setDefault(TimeZone.getTimeZone(EngineClock.ZONE));
        log.info("JVM default time zone set to " + EngineClock.ZONE_ID + " for the process engine's timers");
    }
}
