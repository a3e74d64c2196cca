package cn.parkflow.engine;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** The display values ({@link TaskDisplayValues}) of tasks, by task id, read in one engine command. */
@Component
public class DisplayVariables {

    private final ProcessEngineConfigurationImpl engine;
    private final ObjectProvider<TaskDisplayValues> sources;

    DisplayVariables(ProcessEngineConfigurationImpl engine, ObjectProvider<TaskDisplayValues> sources) {
        this.engine = engine;
        this.sources = sources;
    }

    /** Every given task that still exists, with its values; a task that is gone is left out. */
    public Map<String, Map<String, String>> of(Collection<String> taskIds) {
        List<TaskDisplayValues> all = sources.orderedStream().toList();
        return engine.getCommandExecutorTxRequired().execute(context -> {
            context.disableAuthorizationCheck();
            Map<String, Map<String, String>> values = new LinkedHashMap<>();
            for (String taskId : taskIds) {
                TaskEntity task = context.getTaskManager().findTaskById(taskId);
                if (task != null) {
                    Map<String, String> ofTask = new LinkedHashMap<>();
                    all.forEach(source -> ofTask.putAll(source.of(task)));
                    values.put(taskId, ofTask);
                }
            }
            return values;
        });
    }
}
