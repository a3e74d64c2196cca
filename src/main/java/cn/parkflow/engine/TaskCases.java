package cn.parkflow.engine;

import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The case a task belongs to (its process instance's business key) and the step it is, found
 * without the engine's authorization check: the caller's right to the case is decided by the case
 * file's access rule, the same for every tab beside a task.
 */
@Component
public class TaskCases {

    /** A task's case number, process key, step id, assignee (null when unassigned) and when it opened. */
    public record TaskCase(String caseNumber, String processKey, String stepId, String stepName, String assignee,
                           java.time.Instant openedAt) {
    }

    private final ProcessEngineConfigurationImpl engine;

    TaskCases(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    public Optional<TaskCase> of(String taskId) {
        return Optional.ofNullable(engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            ExecutionEntity instance = task == null ? null : task.getProcessInstance();
            if (instance == null || instance.getBusinessKey() == null) {
                return null;
            }
            return new TaskCase(instance.getBusinessKey(), instance.getProcessDefinition().getKey(),
                    task.getTaskDefinitionKey(), task.getName(), task.getAssignee(),
                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
        }));
    }
}
