package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EveryUserTaskListenerPluginTest {

    private static final List<String> heard = new CopyOnWriteArrayList<>();
    private static final List<String> keys = new CopyOnWriteArrayList<>();
    private static final ProcessEngine engine = engine();

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void shouldGiveEveryUserTaskOfEveryProcessTheListenersEventsWithoutAChangeToTheModel() {
        for (String key : List.of("first", "second")) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_" + key).camundaCandidateGroups("stc").endEvent().done()).deploy();
            engine.getRuntimeService().startProcessInstanceByKey(key);
        }
        engine.getTaskService().createTaskQuery().list().forEach(task -> {
            engine.getTaskService().setAssignee(task.getId(), "stc-officer");
            engine.getTaskService().complete(task.getId());
        });

        assertThat(heard).as("complete is not asked for").containsExactlyInAnyOrder("create Task_first", "create Task_second",
                "assignment Task_first", "assignment Task_second");
    }

    @Test
    void shouldNameTheProcessOfATaskWhoseDefinitionIdIsABareId() {
        // a key this long makes key:version:id longer than 64 characters: the engine then uses the bare id
        String key = "a-process-key-long-enough-that-its-definition-id-is-a-bare-identifier";
        engine.getRepositoryService().createDeployment().addModelInstance("long.bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_long").camundaCandidateGroups("stc").endEvent().done()).deploy();
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).singleResult()
                .getId()).doesNotContain(":");

        engine.getRuntimeService().startProcessInstanceByKey(key);

        assertThat(keys).contains(key);
        heard.removeIf(event -> event.endsWith("Task_long")); // the other test counts its own tasks' events
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setProcessEngineName("plugin-" + UUID.randomUUID());
        configuration.getProcessEnginePlugins().add(EveryUserTaskListenerPlugin.of(new EveryUserTaskListener() {
            @Override
            public Set<String> events() {
                return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
            }

            @Override
            public void notify(DelegateTask task) {
                heard.add(task.getEventName() + " " + task.getTaskDefinitionKey());
                keys.add(EveryUserTaskListener.processKey(task));
            }
        }));
        return configuration.buildProcessEngine();
    }
}
