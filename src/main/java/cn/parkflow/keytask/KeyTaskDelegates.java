package cn.parkflow.keytask;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The service steps and listeners of the key-task models, by the names the models give them
 * ({@code camunda:delegateExpression="${judgeKeyTaskColour}"}): each hands over to one method of a
 * service that holds the rule.
 */
@Configuration(proxyBeanMethods = false)
class KeyTaskDelegates {

    // annual-task-list
    @Bean
    JavaDelegate openAnnualTaskList(AnnualListSteps steps) {
        return steps::open;
    }

    @Bean
    JavaDelegate presentDraftList(AnnualListSteps steps) {
        return steps::present;
    }

    @Bean
    JavaDelegate assignKeyTasks(AnnualListSteps steps) {
        return steps::assign;
    }

    @Bean
    JavaDelegate openIndicatorQuarter(AnnualListSteps steps) {
        return steps::openIndicatorQuarter;
    }

    @Bean
    TaskListener describeIndicator(AnnualListSteps steps) {
        return steps::describeIndicator;
    }

    @Bean
    TaskListener recordIndicatorActual(AnnualListSteps steps) {
        return steps::recordIndicatorActual;
    }

    @Bean
    TaskListener recordBlockAssessment(AnnualListSteps steps) {
        return steps::recordBlockAssessment;
    }

    @Bean
    TaskListener recordBlockSelfAssessment(BlockSelfAssessments selfAssessments) {
        return selfAssessments::record;
    }

    @Bean
    TaskListener presentBlockSelfAssessment(BlockSelfAssessments selfAssessments) {
        return selfAssessments::present;
    }

    @Bean
    JavaDelegate summariseKeyTaskYear(AnnualListSteps steps) {
        return steps::summariseYear;
    }

    @Bean
    JavaDelegate carryOverUnfinishedTasks(AnnualListSteps steps) {
        return steps::carryOver;
    }

    // key-task
    @Bean
    JavaDelegate openKeyTask(KeyTaskSteps steps) {
        return steps::open;
    }

    @Bean
    JavaDelegate scheduleColourCheck(KeyTaskSteps steps) {
        return steps::scheduleColourCheck;
    }

    @Bean
    JavaDelegate judgeKeyTaskColour(KeyTaskSteps steps) {
        return steps::judgeColour;
    }

    @Bean
    JavaDelegate openQuarterlyReport(KeyTaskSteps steps) {
        return steps::openQuarterlyReport;
    }

    @Bean
    JavaDelegate openFourthQuarterReport(KeyTaskSteps steps) {
        return steps::openFourthQuarterReport;
    }

    @Bean
    JavaDelegate openMonthlyReport(KeyTaskSteps steps) {
        return steps::openMonthlyReport;
    }

    @Bean
    TaskListener collectCooperationInput(KeyTaskSteps steps) {
        return steps::collectCooperation;
    }

    @Bean
    TaskListener presentCooperationInputs(KeyTaskSteps steps) {
        return steps::presentCooperation;
    }

    @Bean
    JavaDelegate recordQuarterlyReport(KeyTaskSteps steps) {
        return steps::recordQuarterlyReport;
    }

    @Bean
    JavaDelegate recordMonthlyReport(KeyTaskSteps steps) {
        return steps::recordMonthlyReport;
    }

    @Bean
    JavaDelegate recordKeyTaskGrade(KeyTaskSteps steps) {
        return steps::recordGrade;
    }

    @Bean
    TaskListener appointAssessmentPanel(AssessmentPanel panel) {
        return panel::appoint;
    }

    @Bean
    TaskListener recordExpertScore(AssessmentPanel panel) {
        return panel::score;
    }

    @Bean
    JavaDelegate summariseAssessmentPanel(AssessmentPanel panel) {
        return panel::summarise;
    }

    // key-task-supervision
    @Bean
    JavaDelegate registerSupervisionNotice(SupervisionSteps steps) {
        return steps::register;
    }

    @Bean
    JavaDelegate resolveSupervisionNotice(SupervisionSteps steps) {
        return steps::resolve;
    }

    @Bean
    JavaDelegate escalateSupervisionNotice(SupervisionSteps steps) {
        return steps::escalate;
    }
}
