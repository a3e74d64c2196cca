package cn.parkflow.engine;

import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The engine's history level as configured, except that the task-local {@link DisplayVariables}
 * leave no history: no historic variable instance, no detail. The level keeps its id and name, so
 * the database's history level still matches. Variables of the same name on an execution or process
 * instance are recorded as before.
 */
@Component
public class DisplayVariablesWithoutHistory extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DisplayVariables> declarations;
    private volatile Set<String> names;

    public DisplayVariablesWithoutHistory(ObjectProvider<DisplayVariables> declarations) {
        this.declarations = declarations;
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
        HistoryLevel configured = configuration.getHistoryLevel();
        if (configured != null) {
            configuration.setHistoryLevel(new Level(configured));
        }
    }

    /** For tests that build an engine without Spring. */
    public static DisplayVariablesWithoutHistory of(DisplayVariables... declarations) {
        DisplayVariablesWithoutHistory plugin = new DisplayVariablesWithoutHistory(null);
        Set<String> fixed = new HashSet<>();
        for (DisplayVariables declaration : declarations) {
            fixed.addAll(declaration.displayVariables());
        }
        plugin.names = Set.copyOf(fixed);
        return plugin;
    }

    /** Looked up on first use: the declaring listeners may depend on the engine's services. */
    private Set<String> names() {
        Set<String> known = names;
        if (known == null) {
            Set<String> collected = new HashSet<>();
            declarations.orderedStream().forEach(declaration -> collected.addAll(declaration.displayVariables()));
            known = Set.copyOf(collected);
            names = known;
        }
        return known;
    }

    private final class Level implements HistoryLevel {

        private final HistoryLevel configured;

        Level(HistoryLevel configured) {
            this.configured = configured;
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
                    && names().contains(variable.getName())) {
                return false;
            }
            return configured.isHistoryEventProduced(eventType, entity);
        }
    }
}
