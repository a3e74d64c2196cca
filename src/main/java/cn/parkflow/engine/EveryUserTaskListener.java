package cn.parkflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * A task listener that applies to every user task of every process without a change to any
 * BPMN model. Declare it as a Spring bean; {@link EveryUserTaskListenerPlugin} attaches it.
 */
public interface EveryUserTaskListener extends TaskListener {

    /** The task events this listener wants, e.g. {@link TaskListener#EVENTNAME_CREATE}. */
    Set<String> events();
}
