package cn.parkflow.supervision;

import cn.parkflow.casefile.CaseStages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * The Chinese name of a case stage: the name of the first step that declares it (e.g. FORMAL_CHECK
 * → 形式审查), read from the stages every process declares and its deployed model; the kernel's own
 * statuses have fixed names; an unknown stage shows as it is.
 */
@Component
class StageLabels {

    private static final Map<String, String> KERNEL = Map.of("OPEN", "已立案", "CLOSED", "已办结");

    private final List<CaseStages> stages;
    private final RepositoryService repository;

    StageLabels(List<CaseStages> stages, RepositoryService repository) {
        this.stages = stages;
        this.repository = repository;
    }

    Map<String, String> byStage(String processKey) {
        Map<String, String> labels = new HashMap<>(KERNEL);
        for (CaseStages declared : stages) {
            if (!declared.processKeys().contains(processKey)) {
                continue;
            }
            ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                    .latestVersion().singleResult();
            BpmnModelInstance model = definition == null ? null : repository.getBpmnModelInstance(definition.getId());
            declared.byStep().forEach((step, stage) -> {
                FlowElement element = model == null ? null : model.getModelElementById(step);
                if (element != null && element.getName() != null) {
                    labels.putIfAbsent(stage, element.getName());
                }
            });
        }
        return labels;
    }
}
