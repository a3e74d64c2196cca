package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.RecordedStatements;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Display variables of a task (issue 17) are kept on the task, for its card and form, but leave no
 * history; every other variable is recorded as before.
 */
class DisplayVariablesWithoutHistoryTest {

    @RegisterExtension
    static final RecordedStatements statements = new RecordedStatements();
    private static final ProcessEngine engine = statements.engine("display-variables", configuration -> {
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setHistory("full");
        configuration.getProcessEnginePlugins().add(EveryUserTaskListenerPlugin.of(new EveryUserTaskListener() {
            @Override
            public Set<String> events() {
                return Set.of(TaskListener.EVENTNAME_CREATE);
            }

            @Override
            public Set<String> displayVariables() {
                return Set.of("taskDeadline");
            }

            @Override
            public void notify(DelegateTask task) {
                task.setVariableLocal("taskDeadline", "2026年3月9日 17:30");
                task.setVariableLocal("reviewNote", "kept");
            }
        }));
    });

    @Test
    void shouldKeepADisplayVariableOnTheTaskWithoutHistory() {
        engine.getRepositoryService().createDeployment().addModelInstance("display.bpmn",
                Bpmn.createExecutableProcess("display").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Review").camundaCandidateGroups("stc").endEvent().done()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("display", "INC-2026-0001",
                Map.of("taskDeadline", "on the instance")).getId();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(engine.getTaskService().getVariablesLocal(review.getId()))
                .containsEntry("taskDeadline", "2026年3月9日 17:30").containsEntry("reviewNote", "kept");
        engine.getTaskService().setVariableLocal(review.getId(), "taskDeadline", "2026年3月10日 17:30");
        engine.getTaskService().complete(review.getId());

        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .extracting(variable -> (variable.getTaskId() == null ? "instance: " : "task: ") + variable.getName())
                .containsExactlyInAnyOrder("instance: taskDeadline", "task: reviewNote");
        assertThat(engine.getHistoryService().createHistoricDetailQuery().processInstanceId(instance).list())
                .hasSize(2);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count())
                .as("the task completed and the instance ended").isZero();
    }
}
