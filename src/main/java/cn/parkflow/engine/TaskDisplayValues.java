package cn.parkflow.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * What a Tasklist card or a task form shows of a task beside the task's own fields (its case number,
 * its deadline in words), worked out when it is read instead of stored with every task (issue 17).
 * Declare it as a Spring bean; {@link DisplayVariables} asks every one and the engine APIs answer the
 * values as task variables ({@link DisplayVariablesInResponses}).
 */
public interface TaskDisplayValues {

    /**
     * The values of one task, by variable name. Called inside an engine command without the
     * authorization check, for a task the caller has been shown already.
     */
    Map<String, String> of(DelegateTask task);
}
