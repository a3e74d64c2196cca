package cn.parkflow.approval;

import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;

/**
 * What a process declares on a user step for the approval actions, as
 * {@code <camunda:property name="…" value="…"/>}:
 * <ul>
 * <li>{@value #RETURNABLE} {@code true}: a later step may return the case to this one (退回);</li>
 * <li>{@value #RETURN_ENTRY}: where a return re-enters the model, when not the step itself, e.g. the
 *     step that pauses the statutory clock and notifies the applicant before their 补正 step;</li>
 * <li>{@value #TRANSFER_ANY_DEPARTMENT} {@code true}: 转办 may cross departments;</li>
 * <li>{@value #OPINION}: the variable holding the step's 审批意见;</li>
 * <li>{@value #OPINION_REQUIRED_WHEN}: the negative outcomes that require it, {@code field=VALUE|VALUE}.</li>
 * </ul>
 */
record StepProperties(Map<String, String> values) {

    static final String RETURNABLE = "returnable";
    static final String RETURN_ENTRY = "returnEntry";
    static final String TRANSFER_ANY_DEPARTMENT = "transferAnyDepartment";
    static final String OPINION = "opinion";
    static final String OPINION_REQUIRED_WHEN = "opinionRequiredWhen";

    static StepProperties of(BaseElement element) {
        ExtensionElements extensions = element == null ? null : element.getExtensionElements();
        if (extensions == null) {
            return new StepProperties(Map.of());
        }
        return new StepProperties(extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .filter(property -> property.getCamundaName() != null && property.getCamundaValue() != null)
                .collect(Collectors.toMap(CamundaProperty::getCamundaName, CamundaProperty::getCamundaValue,
                        (first, second) -> first)));
    }

    boolean returnable() {
        return "true".equals(values.get(RETURNABLE));
    }

    /** The activity a return to {@code stepId} starts before. */
    String returnEntry(String stepId) {
        return values.getOrDefault(RETURN_ENTRY, stepId);
    }

    boolean transfersAcrossDepartments() {
        return "true".equals(values.get(TRANSFER_ANY_DEPARTMENT));
    }

    String opinionVariable() {
        return values.get(OPINION);
    }

    /** Whether the submitted values are a negative outcome that requires the 审批意见. */
    boolean requiresOpinion(Map<String, Object> submitted) {
        String rule = values.get(OPINION_REQUIRED_WHEN);
        if (rule == null || !rule.contains("=")) {
            return false;
        }
        String field = rule.substring(0, rule.indexOf('=')).strip();
        Object value = submitted.get(field);
        return value != null && java.util.Arrays.stream(rule.substring(rule.indexOf('=') + 1).split("\\|"))
                .map(String::strip).anyMatch(String.valueOf(value)::equals);
    }
}
