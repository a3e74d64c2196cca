package cn.parkflow.document;

import java.time.temporal.TemporalAccessor;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/** The document order of a step: its case (the business key), its simple variables, and a name for the step. */
final class StepOrders {

    private StepOrders() {
    }

    /** The step is the activity instance: a retry of the same instance finds its document, a later pass makes another. */
    static DocumentOrder of(DelegateExecution execution, String template) {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("未声明公文模板（活动 " + execution.getCurrentActivityId() + "）");
        }
        Map<String, Object> variables = new HashMap<>();
        execution.getVariables().forEach((name, value) -> {
            if (value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                    || value instanceof Date || value instanceof TemporalAccessor) {
                variables.put(name, value);
            }
        });
        String step = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + template;
        return new DocumentOrder(template.trim(), execution.getProcessBusinessKey(), step, variables);
    }
}
