package cn.parkflow.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.engine.ModelChecksAreBuiltIn;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kernel's form rules run before a model's own complete listeners (which
 * {@link ModelChecksAreBuiltIn} makes built-in), whichever of the two plugins the engine is given
 * first: a refused completion has run no listener's side effect.
 */
class FormRulesRunFirstTest {

    private static final String KEY = "order-fixture";
    private static final List<String> sideEffects = new CopyOnWriteArrayList<>();

    @ParameterizedTest(name = "model checks plugin first: {0}")
    @ValueSource(booleans = {true, false})
    void shouldRunTheFormRulesBeforeTheModelsCompleteListener(boolean modelChecksFirst) {
        sideEffects.clear();
        ProcessEngine engine = engine(modelChecksFirst);
        try {
            engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn",
                    Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_Decide").camundaTaskListenerClass(TaskListener.EVENTNAME_COMPLETE,
                                    RecordDecision.class)
                            .endEvent().done()).deploy();
            String instance = engine.getRuntimeService().startProcessInstanceByKey(KEY).getId();
            String task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult().getId();

            assertThatThrownBy(() -> engine.getTaskService().complete(task, Map.of("decision", "")))
                    .hasMessageContaining("决定：必填");
            assertThat(sideEffects).as("the model's listener ran for a refused completion").isEmpty();

            engine.getTaskService().complete(task, Map.of("decision", "同意"));
            assertThat(sideEffects).containsExactly("同意");
        } finally {
            engine.close();
        }
    }

    /** A model's own complete listener with a side effect (e.g. it writes a mail or a record). */
    public static class RecordDecision implements TaskListener {
        @Override
        public void notify(DelegateTask task) {
            sideEffects.add(String.valueOf(task.getVariable("decision")));
        }
    }

    private static ProcessEngine engine(boolean modelChecksFirst) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:order-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setProcessEngineName("order-" + UUID.randomUUID());
        configuration.setIdGenerator(new StrongUuidGenerator());
        ProcessEnginePlugin formChecks = FormChecks.of(new SubmissionRules() {
            @Override
            public Set<String> processKeys() {
                return Set.of(KEY);
            }

            @Override
            public List<String> check(String stepId, Map<String, Object> values) {
                return "Task_Decide".equals(stepId) && "".equals(values.get("decision")) ? List.of("决定：必填") : List.of();
            }
        });
        ProcessEnginePlugin modelChecks = new ModelChecksAreBuiltIn();
        configuration.getProcessEnginePlugins().addAll(modelChecksFirst ? List.of(modelChecks, formChecks)
                : List.of(formChecks, modelChecks));
        return configuration.buildProcessEngine();
    }
}
