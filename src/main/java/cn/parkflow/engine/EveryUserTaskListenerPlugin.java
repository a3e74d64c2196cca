package cn.parkflow.engine;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches every {@link EveryUserTaskListener} bean to every user task at parse time. The Camunda
 * starter picks up {@code ProcessEnginePlugin} beans. The listener beans are looked up on the first
 * task event, not when the engine is built, so they may depend on engine services themselves.
 * Listeners are added as custom listeners: an operator who modifies an instance with
 * "skip custom listeners" skips them too.
 */
@Component
public class EveryUserTaskListenerPlugin extends AbstractProcessEnginePlugin {

    private static final List<String> EVENTS = List.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT,
            TaskListener.EVENTNAME_UPDATE, TaskListener.EVENTNAME_COMPLETE, TaskListener.EVENTNAME_DELETE);

    private final ObjectProvider<EveryUserTaskListener> listeners;
    private volatile List<EveryUserTaskListener> resolved;

    public EveryUserTaskListenerPlugin(ObjectProvider<EveryUserTaskListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.of(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                EVENTS.forEach(event -> definition.addTaskListener(event, task -> dispatch(event, task)));
            }
        });
    }

    private void dispatch(String event, DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(event)) {
            NewTaskVariables.startEmpty(task);
        }
        for (EveryUserTaskListener listener : listeners()) {
            if (listener.events().contains(event)) {
                listener.notify(task);
            }
        }
    }

    private List<EveryUserTaskListener> listeners() {
        List<EveryUserTaskListener> current = resolved;
        if (current == null) {
            current = listeners.orderedStream().toList();
            resolved = current;
        }
        return current;
    }

    /** For tests that build an engine without Spring. */
    public static EveryUserTaskListenerPlugin of(EveryUserTaskListener... listeners) {
        List<EveryUserTaskListener> fixed = List.of(listeners);
        EveryUserTaskListenerPlugin plugin = new EveryUserTaskListenerPlugin(null);
        plugin.resolved = fixed;
        return plugin;
    }
}
