package cn.parkflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that applies to every user task of every process without a change to any
 * BPMN model. Declare it as a Spring bean; {@link EveryUserTaskListenerPlugin} attaches it.
 */
public interface EveryUserTaskListener extends TaskListener {

    /** The task events this listener wants, e.g. {@link TaskListener#EVENTNAME_CREATE}. */
    Set<String> events();

    /**
     * The key of the task's process (a definition id is key:version:uuid, or the bare uuid when that
     * would exceed 64 characters, e.g. for {@code incubator-annual-evaluation}); null for a task
     * outside any process.
     */
    static String processKey(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        if (definitionId == null) {
            return null;
        }
        int colon = definitionId.indexOf(':');
        return colon >= 0 ? definitionId.substring(0, colon)
                : task.getProcessEngineServices().getRepositoryService().getProcessDefinition(definitionId).getKey();
    }
}
