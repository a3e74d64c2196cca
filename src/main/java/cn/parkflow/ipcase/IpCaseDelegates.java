package cn.parkflow.ipcase;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of the IP case models, by the names the models give them
 * ({@code camunda:delegateExpression="${startIpClock}"}): each hands the execution to one service method.
 */
@Configuration(proxyBeanMethods = false)
class IpCaseDelegates {

    @Bean
    JavaDelegate startIpClock(IpClocks clocks) {
        return clocks::start;
    }

    @Bean
    JavaDelegate pauseIpClock(IpClocks clocks) {
        return clocks::pause;
    }

    @Bean
    JavaDelegate resumeIpClock(IpClocks clocks) {
        return clocks::resume;
    }

    @Bean
    JavaDelegate stopIpClock(IpClocks clocks) {
        return clocks::stop;
    }

    @Bean
    JavaDelegate extendIpClockByConsent(IpClocks clocks) {
        return clocks::extendByConsent;
    }

    @Bean
    JavaDelegate recordIpChannelOutcome(IpChannels channels) {
        return channels::recordOutcome;
    }

    @Bean
    JavaDelegate recordIpChannelResult(IpChannels channels) {
        return channels::recordResult;
    }

    @Bean
    JavaDelegate compileIpMonthlyStatistics(IpStatistics statistics) {
        return statistics::compile;
    }

    @Bean
    JavaDelegate classifyIpOutcome(IpCaseClosing closing) {
        return closing::classify;
    }

    @Bean
    JavaDelegate closeIpCase(IpCaseClosing closing) {
        return closing::close;
    }
}
