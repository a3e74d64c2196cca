package cn.parkflow.supervision;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties;
import org.springframework.stereotype.Component;

/**
 * Whether a step may be completed in bulk: only one whose model declares it, e.g. acknowledging
 * receipt: {@code <camunda:property name="bulk-completable" value="true"/>}.
 */
@Component
class BulkCompletable {

    static final String PROPERTY = "bulk-completable";

    private final RepositoryService repository;

    BulkCompletable(RepositoryService repository) {
        this.repository = repository;
    }

    boolean test(String processDefinitionId, String stepKey) {
        if (processDefinitionId == null) {
            return false;
        }
        UserTask step = repository.getBpmnModelInstance(processDefinitionId).getModelElementById(stepKey);
        ExtensionElements extensions = step == null ? null : step.getExtensionElements();
        if (extensions == null) {
            return false;
        }
        return extensions.getElementsQuery().filterByType(CamundaProperties.class).list().stream()
                .flatMap(properties -> properties.getCamundaProperties().stream())
                .anyMatch(p -> PROPERTY.equals(p.getCamundaName()) && "true".equals(p.getCamundaValue()));
    }
}
