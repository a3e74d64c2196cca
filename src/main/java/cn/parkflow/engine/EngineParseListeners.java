package cn.parkflow.engine;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/** The engine's list of parse listeners that run after its own, created on first use. */
public final class EngineParseListeners {

    private EngineParseListeners() {
    }

    public static List<BpmnParseListener> of(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
        if (listeners == null) {
            listeners = new ArrayList<>();
            configuration.setCustomPostBPMNParseListeners(listeners);
        }
        return listeners;
    }

    /**
     * Adds a built-in listener to a user task's event that runs before every other listener of it,
     * whichever plugin's parse listener ran first: the kernel's checks of a submission come before
     * a model's own listeners, which {@link ModelChecksAreBuiltIn} makes built-in and appends.
     */
    public static void addFirstBuiltIn(TaskDefinition task, String event, TaskListener listener) {
        task.addBuiltInTaskListener(event, listener);
        toFront(task.getBuiltinTaskListenersForEvent(event), listener);
        // the engine fires this merged list (built-in, then custom); it is rebuilt from the built-in one on every add
        toFront(task.getAllTaskListenersForEvent(event), listener);
    }

    private static void toFront(List<TaskListener> listeners, TaskListener listener) {
        listeners.remove(listener);
        listeners.add(0, listener);
    }
}
