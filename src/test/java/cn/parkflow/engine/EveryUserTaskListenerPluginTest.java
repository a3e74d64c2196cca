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
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EveryUserTaskListenerPluginTest {

    private static final List<String> heard = new CopyOnWriteArrayList<>();
    private static final ProcessEngine engine = engine();

    @AfterAll
    static void close() {
        engine.close();
    }

    /** Long enough that the engine gives its definition a bare UUID as id, without the key. */
    private static final String LONG_KEY = "incubator-annual-evaluation-round-of-the-year";

    @Test
    void shouldGiveEveryUserTaskOfEveryProcessTheListenersEventsWithoutAChangeToTheModel() {
        for (String key : List.of("first", LONG_KEY)) {
            engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                    Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                            .userTask("Task_" + key).camundaCandidateGroups("stc").endEvent().done()).deploy();
            engine.getRuntimeService().startProcessInstanceByKey(key);
        }
        engine.getTaskService().createTaskQuery().list().forEach(task -> {
            engine.getTaskService().setAssignee(task.getId(), "stc-officer");
            engine.getTaskService().complete(task.getId());
        });

        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(LONG_KEY)
                .singleResult().getId()).as("a definition id without its key").doesNotContain(LONG_KEY);
        assertThat(heard).as("complete is not asked for; the process key also for a long one").containsExactlyInAnyOrder(
                "create first Task_first", "create " + LONG_KEY + " Task_" + LONG_KEY,
                "assignment first Task_first", "assignment " + LONG_KEY + " Task_" + LONG_KEY);
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:plugin-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setProcessEngineName("plugin-" + UUID.randomUUID());
        configuration.setIdGenerator(new StrongUuidGenerator()); // as the Spring Boot starter does
        configuration.getProcessEnginePlugins().add(EveryUserTaskListenerPlugin.of(new EveryUserTaskListener() {
            @Override
            public Set<String> events() {
                return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
            }

            @Override
            public void notify(DelegateTask task) {
                heard.add(task.getEventName() + " " + EveryUserTaskListener.processKey(task) + " " + task.getTaskDefinitionKey());
            }
        }));
        return configuration.buildProcessEngine();
    }
}
