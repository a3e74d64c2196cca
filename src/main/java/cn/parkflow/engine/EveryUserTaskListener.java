package cn.parkflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/**
 * A task listener that applies to every user task of every process without a change to any
 * BPMN model. Declare it as a Spring bean; {@link EveryUserTaskListenerPlugin} attaches it.
 */
public interface EveryUserTaskListener extends TaskListener {

    /** The task events this listener wants, e.g. {@link TaskListener#EVENTNAME_CREATE}. */
    Set<String> events();

    /**
     * The key of the task's process; null for a task outside any process. Read from the definition,
     * not its id: a long key makes the engine give the definition a bare UUID as id.
     */
    static String processKey(DelegateTask task) {
        return task.getExecution() instanceof ExecutionEntity execution && execution.getProcessDefinition() != null
                ? execution.getProcessDefinition().getKey() : null;
    }
}
