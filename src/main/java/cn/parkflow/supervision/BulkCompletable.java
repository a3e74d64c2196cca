package cn.parkflow.supervision;

import cn.parkflow.form.FormRules;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a step may be completed in bulk: only one whose model declares it, e.g. acknowledging
 * receipt: {@code <camunda:property name="bulk-completable" value="true"/>}; and the decision the
 * Tasklist panel asks once for all the selected tasks: the input fields of the step's form (its
 * read-only fields are context that differs per task).
 */
@Component
class BulkCompletable {

    static final String PROPERTY = "bulk-completable";

    private final RepositoryService repository;
    private final FormRules forms;

    BulkCompletable(RepositoryService repository, FormRules forms) {
        this.repository = repository;
        this.forms = forms;
    }

    boolean test(String processDefinitionId, String stepKey) {
        UserTask step = step(processDefinitionId, stepKey);
        ExtensionElements extensions = step == null ? null : step.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(p -> PROPERTY.equals(p.getCamundaName()) && "true".equals(p.getCamundaValue()));
    }

    /** The fields to fill once for every selected task of a bulk-completable step; none for any other step. */
    List<DecisionField> decision(String processDefinitionId, String stepKey) {
        UserTask step = step(processDefinitionId, stepKey);
        if (step == null || step.getCamundaFormRef() == null || !test(processDefinitionId, stepKey)) {
            return List.of();
        }
        return forms.fields(step.getCamundaFormRef()).stream().filter(field -> !field.readonly())
                .map(field -> new DecisionField(field.key(), field.label(), field.type(), field.required(),
                        field.options()))
                .toList();
    }

    private UserTask step(String processDefinitionId, String stepKey) {
        return processDefinitionId == null ? null
                : repository.getBpmnModelInstance(processDefinitionId).getModelElementById(stepKey);
    }

    /** @param options value → label of a select or radio field */
    record DecisionField(String key, String label, String type, boolean required, Map<String, String> options) {
    }
}
