package cn.parkflow.engine;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * The engine's backlog: {@code parkflow.jobs.due} (jobs the job executor should run now),
 * {@code parkflow.jobs.failed} (jobs without retries left) and {@code parkflow.incidents.open}
 * by process and incident type.
 */
@Component
class EngineMetrics implements RefreshedMetrics {

    private final ManagementService management;
    private final RuntimeService runtime;
    private final RepositoryService repository;
    private final AtomicLong due = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final GaugeTable incidents;

    EngineMetrics(ManagementService management, RuntimeService runtime, RepositoryService repository,
                  MeterRegistry registry) {
        this.management = management;
        this.runtime = runtime;
        this.repository = repository;
        registry.gauge("parkflow.jobs.due", due);
        registry.gauge("parkflow.jobs.failed", failed);
        this.incidents = new GaugeTable(registry, "parkflow.incidents.open", "open incidents by process and type");
    }

    @Override
    public void refresh() {
        due.set(management.createJobQuery().executable().count());
        failed.set(management.createJobQuery().noRetriesLeft().count());
        Map<Map<String, String>, Long> rows = new LinkedHashMap<>();
        Map<String, String> keys = new LinkedHashMap<>();
        for (Incident incident : runtime.createIncidentQuery().list()) {
            String process = incident.getProcessDefinitionId() == null ? "none"
                    : keys.computeIfAbsent(incident.getProcessDefinitionId(), id -> {
                        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(id)
                                .singleResult();
                        return definition == null ? "none" : definition.getKey();
                    });
            Map<String, String> tags = new LinkedHashMap<>();
            tags.put("process", process);
            tags.put("type", incident.getIncidentType());
            rows.merge(tags, 1L, Long::sum);
        }
        incidents.refresh(rows);
    }
}
