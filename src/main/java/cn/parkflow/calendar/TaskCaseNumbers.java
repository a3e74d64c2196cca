package cn.parkflow.calendar;

import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Component;

/**
 * The case a task belongs to (its process instance's business key), found without the engine's
 * authorization check: the caller's right to the case is decided by {@code CaseAccess}, the same
 * rule as for the case's own clock.
 */
@Component
class TaskCaseNumbers {

    private final ProcessEngineConfigurationImpl engine;

    TaskCaseNumbers(ProcessEngineConfigurationImpl engine) {
        this.engine = engine;
    }

    Optional<String> of(String taskId) {
        return Optional.ofNullable(engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            TaskEntity task = context.getTaskManager().findTaskById(taskId);
            ExecutionEntity instance = task == null ? null : task.getProcessInstance();
            return instance == null ? null : instance.getBusinessKey();
        }));
    }
}
