package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.Optional;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/incubator-certification.bpmn", "bpmn/incubator-expert-review.bpmn",
        "bpmn/incubator-annual-evaluation.bpmn",
        "bpmn/dmn/incubator-eligibility.dmn", "bpmn/dmn/incubator-expert-outcome.dmn",
        "bpmn/dmn/incubator-site-inspection-routing.dmn", "bpmn/dmn/incubator-annual-consequence.dmn"})
class DemoCasesTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private DemoCases demo() {
        return new DemoCases(engine.getRuntimeService(), caseFile, register,
                new AnnualEvaluations(register, engine.getRuntimeService(), engine.getHistoryService()), new IncubatorClock(clock));
    }

    private ProcessInstance instance(String businessKey) {
        runAsyncJobs();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(businessKey)
                .processDefinitionKey(KEY).singleResult();
    }

    @Test
    void shouldSeedOneApplicationPerStageEachWithItsCase() {
        String formalCheck = demo().awaitingFormalCheck();
        String expertReview = demo().inExpertReview();
        String publicNotice = demo().inPublicNotice();

        assertThat(instance(formalCheck)).isWaitingAt(TASK_FORMAL_CHECK).variables().containsEntry(APPLICANT, "applicant1");
        assertThat(instance(expertReview)).isWaitingAt(TASK_EXPERT_REVIEW);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(expertReview)
                .processDefinitionKey(EXPERT_REVIEW_KEY).singleResult()).isWaitingAt(TASK_DECLARE_CONFLICT);
        assertThat(engine.getTaskService().createTaskQuery().taskDefinitionKey(TASK_DECLARE_CONFLICT).count()).isEqualTo(5);
        assertThat(instance(publicNotice)).isWaitingAt(TASK_RECEIVE_OBJECTIONS);
        assertThat(new String[] {formalCheck, expertReview, publicNotice})
                .containsExactly("INC-2026-0001", "INC-2026-0002", "INC-2026-0003");
        // every case runs its statutory clock, also those that start past the step that starts it
        verify(clock).start(KEY, formalCheck);
        verify(clock).start(KEY, expertReview);
        verify(clock).start(KEY, publicNotice);
    }

    @Test
    void shouldSeedACertifiedIncubatorWhoseEvaluationIsDue() {
        when(register.find(any())).thenAnswer(call -> Optional.of(certificate(call.getArgument(0), LocalDate.of(2025, 3, 2))));
        when(register.grade(any(), any(Integer.class))).thenReturn(Optional.empty());

        Certificate certificate = demo().certifiedWithEvaluationDue();

        assertThat(certificate.validFrom()).isEqualTo(LocalDate.of(2025, 3, 2));
        ProcessInstance evaluation = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(AnnualEvaluationProcess.KEY).singleResult();
        runAsyncJobs();
        assertThat(evaluation).isWaitingAt(AnnualEvaluationProcess.TASK_FILE_REPORT);
    }
}
