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

    /** The key of the task's process (a definition id is key:version:uuid); null for a task outside any process. */
    static String processKey(DelegateTask task) {
        String definitionId = task.getProcessDefinitionId();
        return definitionId == null ? null : definitionId.substring(0, definitionId.indexOf(':'));
    }
}
