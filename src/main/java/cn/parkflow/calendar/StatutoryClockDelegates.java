package cn.parkflow.calendar;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The service steps of {@code statutory-clock.bpmn}, by the names the model gives them. */
@Configuration(proxyBeanMethods = false)
class StatutoryClockDelegates {

    @Bean
    JavaDelegate tieClockTimer(StatutoryClockSteps steps) {
        return steps::tieTimer;
    }

    @Bean
    JavaDelegate expireStatutoryClock(StatutoryClockSteps steps) {
        return steps::expire;
    }

    @Bean
    JavaDelegate extendStatutoryClock(StatutoryClockSteps steps) {
        return steps::extend;
    }

    @Bean
    JavaDelegate refuseClockExtension(StatutoryClockSteps steps) {
        return steps::refuse;
    }
}
