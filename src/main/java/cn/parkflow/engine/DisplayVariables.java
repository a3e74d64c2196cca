package cn.parkflow.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The display values ({@link TaskDisplayValues}) of tasks, by task id, read in one engine command (one query for the tasks). */
@Component
public class DisplayVariables {

    private final ProcessEngineConfigurationImpl engine;
    private final ObjectProvider<TaskDisplayValues> sources;
    private volatile List<TaskDisplayValues> resolved;

    DisplayVariables(ProcessEngineConfigurationImpl engine, ObjectProvider<TaskDisplayValues> sources) {
        this.engine = engine;
        this.sources = sources;
    }

    /** Every given task that still exists, with its values; a task that is gone is left out. */
    public Map<String, Map<String, String>> of(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return Map.of();
        }
        List<TaskDisplayValues> all = sources();
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            context.disableTenantCheck();
            TaskQueryImpl shown = new TaskQueryImpl();
            shown.taskIdIn(taskIds.toArray(String[]::new));
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            for (Task task : context.getTaskManager().findTasksByQueryCriteria(shown)) {
                Map<String, String> ofTask = new LinkedHashMap<>();
                all.forEach(source -> ofTask.putAll(source.of((TaskEntity) task)));
                values.put(task.getId(), ofTask);
            }
            return values;
        });
    }

    /** Looked up once, on the first read: a search of the bean factory on every page is not needed. */
    private List<TaskDisplayValues> sources() {
        List<TaskDisplayValues> current = resolved;
        if (current == null) {
            current = sources.orderedStream().toList();
            resolved = current;
        }
        return current;
    }
}
