package cn.parkflow.casefile;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which process a case belongs to: the process definition key of the first process instance that
 * carried the case number as business key (a statutory clock or other helper starts later). Read
 * from the engine's history once and kept on the case record.
 */
@Component
public class CaseProcesses {

    private final JdbcClient jdbc;
    private final HistoryService history;

    CaseProcesses(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    public Optional<String> processKeyOf(String caseNumber) {
        if (caseNumber == null) {
            return Optional.empty();
        }
        Optional<String> stored = jdbc.sql("SELECT process_key FROM case_record WHERE case_number = ?")
                .param(caseNumber).query(String.class).optional();
        if (stored.isPresent()) {
            return stored;
        }
        List<HistoricProcessInstance> first = history.createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().listPage(0, 1);
        if (first.isEmpty()) {
            return Optional.empty();
        }
        String key = first.get(0).getProcessDefinitionKey();
        jdbc.sql("UPDATE case_record SET process_key = ? WHERE case_number = ? AND process_key IS NULL")
                .params(key, caseNumber).update();
        return Optional.of(key);
    }
}
