package cn.parkflow.incubator;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps of the incubator models, by the names the models give them
 * ({@code camunda:delegateExpression="${issueIncubatorCertificate}"}): each hands the execution
 * to one method of a service that holds the rule.
 */
@Configuration(proxyBeanMethods = false)
class IncubatorDelegates {

    @Bean
    JavaDelegate startIncubatorClock(IncubatorClock clock) {
        return clock::start;
    }

    @Bean
    JavaDelegate pauseIncubatorClock(IncubatorClock clock) {
        return clock::pause;
    }

    @Bean
    JavaDelegate resumeIncubatorClock(IncubatorClock clock) {
        return clock::resume;
    }

    @Bean
    JavaDelegate summariseExpertReview(ExpertPanel panel) {
        return panel::summarise;
    }

    @Bean
    JavaDelegate publishCertificationNotice(IncubatorCase cases) {
        return cases::publishNotice;
    }

    @Bean
    JavaDelegate issueIncubatorCertificate(IncubatorCertificates certificates) {
        return certificates::issue;
    }

    @Bean
    JavaDelegate closeCertifiedCase(IncubatorCase cases) {
        return cases::closeCertified;
    }

    @Bean
    JavaDelegate closeRejectedCase(IncubatorCase cases) {
        return cases::closeRejected;
    }

    @Bean
    JavaDelegate startAnnualEvaluations(AnnualEvaluations evaluations) {
        return evaluations::startRound;
    }

    @Bean
    JavaDelegate openAnnualEvaluation(AnnualEvaluationSteps steps) {
        return steps::open;
    }

    @Bean
    JavaDelegate gradeMissingFiling(AnnualEvaluationSteps steps) {
        return steps::gradeMissing;
    }

    @Bean
    JavaDelegate grantLateFiling(AnnualEvaluationSteps steps) {
        return steps::grantLateFiling;
    }

    @Bean
    JavaDelegate recordAnnualGrade(AnnualEvaluationSteps steps) {
        return steps::recordGrade;
    }

    @Bean
    JavaDelegate revokeForAnnualGrade(AnnualEvaluationSteps steps) {
        return steps::revoke;
    }

    @Bean
    JavaDelegate closeAnnualEvaluation(AnnualEvaluationSteps steps) {
        return steps::close;
    }

    @Bean
    JavaDelegate openChangeReport(ChangeReportSteps steps) {
        return steps::open;
    }

    @Bean
    JavaDelegate applyReportedChange(ChangeReportSteps steps) {
        return steps::applyChange;
    }

    @Bean
    JavaDelegate revokeForChange(ChangeReportSteps steps) {
        return steps::revoke;
    }

    @Bean
    JavaDelegate closeChangeReport(ChangeReportSteps steps) {
        return steps::close;
    }
}
