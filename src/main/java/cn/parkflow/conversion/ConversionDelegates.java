package cn.parkflow.conversion;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of {@code achievement-conversion}, by the names the model gives them
 * ({@code camunda:delegateExpression="${publishPricingNotice}"}): each hands the execution to one
 * method of a service that holds the rule.
 */
@Configuration(proxyBeanMethods = false)
class ConversionDelegates {

    @Bean
    JavaDelegate closeDeclinedLead(ConversionSteps steps) {
        return steps::closeDeclinedLead;
    }

    @Bean
    JavaDelegate publishPricingNotice(ConversionSteps steps) {
        return steps::publishPricingNotice;
    }

    @Bean
    JavaDelegate scheduleLanding(ConversionSteps steps) {
        return steps::scheduleLanding;
    }

    @Bean
    JavaDelegate recordCoordinationAnswer(ConversionSteps steps) {
        return steps::recordCoordinationAnswer;
    }

    @Bean
    JavaDelegate checkProjectStall(StallWatch watch) {
        return watch::check;
    }

    @Bean
    JavaDelegate closeConversionProject(ConversionSteps steps) {
        return steps::closeProject;
    }

    @Bean
    JavaDelegate closeWithdrawnProject(ConversionSteps steps) {
        return steps::closeWithdrawn;
    }

    @Bean
    JavaDelegate withdrawConversionProject(WithdrawalRequest request) {
        return request::withdraw;
    }

    /** Task listener of 落实载体空间: the hosting incubator as the register names and numbers it. */
    @Bean
    TaskListener recordHostingIncubator(HostingIncubators incubators) {
        return incubators::record;
    }
}
