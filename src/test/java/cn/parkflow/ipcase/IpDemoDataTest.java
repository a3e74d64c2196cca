package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The demo cases stand where the demo says: awaiting acceptance, in mediation, enforcement paused, closed. */
class IpDemoDataTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private IpDemoData demo() {
        return new IpDemoData(engine.getRuntimeService(), engine.getTaskService(), engine.getIdentityService(), caseFile,
                clocks, engine.getDecisionService());
    }

    private ProcessInstance instance(String number) {
        runAsyncJobs();
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(KEY).singleResult();
    }

    @Test
    void shouldSeedOneCasePerStage() {
        String awaiting = demo().awaitingAcceptance();
        String mediation = demo().inMediation();
        String enforcement = demo().inEnforcementPaused();
        String closedCase = demo().closed();

        assertThat(instance(awaiting)).isWaitingAt(TASK_DECIDE_ACCEPTANCE);
        assertThat(instance(mediation)).isWaitingAt(CALL_MEDIATION);
        assertThat(openTask(instance(mediation), TASK_MEDIATE)).isNotNull();
        verify(clocks).start(MEDIATION_KEY, mediation);
        assertThat(openTask(instance(enforcement), TASK_RECORD_PAUSE_ENDED)).isNotNull();
        verify(clocks).start(ENFORCEMENT_KEY, enforcement);
        verify(clocks).pause(ENFORCEMENT_KEY, enforcement, IpClocks.PAUSE_APPRAISAL);
        assertThat(instance(closedCase)).isNull();
        assertThat(closed).singleElement().satisfies(c -> assertThat(c.outcomeCode()).isEqualTo("C01"));
    }
}
