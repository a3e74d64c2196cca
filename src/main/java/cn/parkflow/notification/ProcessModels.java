package cn.parkflow.notification;

import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;

/** The mail model a delegate or listener hands to {@link Notifications}: case, step, deadline, variables. */
final class ProcessModels {

    private ProcessModels() {
    }

    /** The simple variables (text, numbers, dates, flags) visible to the execution, plus the case number. */
    static Map<String, Object> of(DelegateExecution execution) {
        Map<String, Object> model = new HashMap<>();
        execution.getVariables().forEach((name, value) -> {
            if (isSimple(value)) {
                model.put(name, value);
            }
        });
        putIfPresent(model, Notifications.CASE_NUMBER, execution.getProcessBusinessKey());
        return model;
    }

    /** Case number, step (the task's name), deadline (its due date) and the task, for the link. */
    static Map<String, Object> of(DelegateTask task) {
        return task(task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getName(), task.getDueDate(), task.getId());
    }

    /** The same for a task read through the task service, outside its own events. */
    static Map<String, Object> of(Task task, String caseNumber) {
        return task(caseNumber, task.getName(), task.getDueDate(), task.getId());
    }

    private static Map<String, Object> task(String caseNumber, String step, Date due, String taskId) {
        Map<String, Object> model = new HashMap<>();
        putIfPresent(model, Notifications.CASE_NUMBER, caseNumber);
        putIfPresent(model, Notifications.STEP, step);
        putIfPresent(model, Notifications.DEADLINE, due);
        model.put(Notifications.TASK_ID, taskId);
        return model;
    }

    static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    static void putIfPresent(Map<String, Object> model, String key, Object value) {
        if (value != null) {
            model.put(key, value);
        }
    }

    private static boolean isSimple(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Date || value instanceof TemporalAccessor;
    }
}
