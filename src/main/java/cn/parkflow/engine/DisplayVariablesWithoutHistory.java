package cn.parkflow.engine;

import java.util.Set;
import java.util.function.Supplier;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;

/**
 * The engine's history level as configured, except that the task-local display variables of the
 * {@link EveryUserTaskListener}s ({@link EveryUserTaskListener#displayVariables()}) leave no history:
 * no historic variable instance, no detail. It keeps the configured level's id and name, so the
 * database's history level still matches. Variables of the same name on an execution or process
 * instance are recorded as before. Installed by {@link EveryUserTaskListenerPlugin}.
 */
final class DisplayVariablesWithoutHistory implements HistoryLevel {

    private final HistoryLevel configured;
    private final Supplier<Set<String>> names;

    DisplayVariablesWithoutHistory(HistoryLevel configured, Supplier<Set<String>> names) {
        this.configured = configured;
        this.names = names;
    }

    @Override
    public int getId() {
        return configured.getId();
    }

    @Override
    public String getName() {
        return configured.getName();
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (entity instanceof VariableInstanceEntity variable && variable.getTaskId() != null
                && names.get().contains(variable.getName())) {
            return false;
        }
        return configured.isHistoryEventProduced(eventType, entity);
    }
}
