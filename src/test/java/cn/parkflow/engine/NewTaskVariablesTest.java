package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.RecordedStatements;
import java.util.List;
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
 * A new task's variables are not read from the database before the kernel's create listeners set
 * the task-local ones (issue 17): what they set, and what the model's own listener set before, is stored.
 */
class NewTaskVariablesTest {

    @RegisterExtension
    static final RecordedStatements statements = new RecordedStatements();
    private static final ProcessEngine engine = statements.engine("new-task", configuration -> {
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.getProcessEnginePlugins().add(EveryUserTaskListenerPlugin.of(new EveryUserTaskListener() {
            @Override
            public Set<String> events() {
                return Set.of(TaskListener.EVENTNAME_CREATE);
            }

            @Override
            public void notify(DelegateTask task) {
                task.setVariableLocal("caseNumber", task.getExecution().getProcessBusinessKey());
            }
        }));
    });

    @Test
    void shouldSetANewTasksLocalVariablesWithoutReadingItsVariablesFirst() {
        engine.getRepositoryService().createDeployment().addModelInstance("card.bpmn",
                Bpmn.createExecutableProcess("card").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Review").camundaCandidateGroups("stc")
                        .camundaTaskListenerExpression(TaskListener.EVENTNAME_CREATE, "${task.setVariableLocal('fromModel', 'kept')}")
                        .userTask("Task_Decide").camundaCandidateGroups("stc").endEvent().done()).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("card", "INC-2026-0001").getId();
        Task review = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        statements.clear();
        engine.getTaskService().complete(review.getId());
        List<String> completion = statements.statements();
        Task decide = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(engine.getTaskService().getVariablesLocal(decide.getId()))
                .containsEntry("caseNumber", "INC-2026-0001").doesNotContainKey("fromModel");
        assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery().taskIdIn(review.getId()).list())
                .extracting(variable -> variable.getName() + "=" + variable.getValue())
                .containsExactlyInAnyOrder("caseNumber=INC-2026-0001", "fromModel=kept");
        assertThat(completion).as("the variables of the completed task are read, those of the new one are not")
                .filteredOn(sql -> sql.contains("ACT_RU_VARIABLE") && sql.contains("TASK_ID_ =")
                        && sql.trim().regionMatches(true, 0, "select", 0, 6))
                .hasSize(1);
    }
}
