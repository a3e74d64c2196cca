package cn.parkflow.supervision;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/** The Chinese name of each deployed process by key (its latest version), e.g. 知识产权保护案件. */
@Component
class ProcessNames {

    private final RepositoryService repository;

    ProcessNames(RepositoryService repository) {
        this.repository = repository;
    }

    Map<String, String> byKey() {
        Map<String, String> names = new LinkedHashMap<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().latestVersion().list()) {
            names.put(definition.getKey(), definition.getName() == null ? definition.getKey() : definition.getName());
        }
        return names;
    }
}
