package cn.parkflow.casefile;

import cn.parkflow.engine.RetentionProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the retention of closed cases (PIPL: personal data kept no longer than needed). A case closed
 * longer ago than its process's retention ({@code parkflow.retention.processes}, else the model's
 * {@code historyTimeToLive}) loses, in one transaction per case: the engine's history of every
 * finished process instance with its case number (variables with the applicant's contact data
 * included), its audit events, documents, outbox mail and whatever other modules keep
 * ({@link CaseDataRetention}); the record keeps number, type, title, department, dates and outcome,
 * and loses the applicant's user id. Open cases are never touched. Uses the engine's clock.
 */
@Service
public class CaseRetention {

    private static final Logger log = LoggerFactory.getLogger(CaseRetention.class);

    private final JdbcClient jdbc;
    private final CaseProcesses processes;
    private final HistoryService history;
    private final RepositoryService repository;
    private final RetentionProperties properties;
    private final ObjectProvider<CaseDataRetention> others;
    private final TransactionTemplate transaction;

    CaseRetention(JdbcClient jdbc, CaseProcesses processes, HistoryService history, RepositoryService repository,
                  RetentionProperties properties, ObjectProvider<CaseDataRetention> others,
                  PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.history = history;
        this.repository = repository;
        this.properties = properties;
        this.others = others;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** Rows removed by one run, by kind ({@code cases} counts the cases anonymised). */
    public Map<String, Integer> run() {
        Instant now = ClockUtil.getCurrentTime().toInstant();
        Map<String, Integer> removed = new LinkedHashMap<>();
        List<String> closed = jdbc.sql("SELECT case_number FROM case_record WHERE closed_at IS NOT NULL "
                + "AND anonymised_at IS NULL ORDER BY closed_at").query(String.class).list();
        Map<String, Optional<Duration>> retentions = new LinkedHashMap<>();
        for (String number : closed) {
            Optional<String> processKey = processes.processKeyOf(number);
            Optional<Duration> retention = processKey.flatMap(key -> retentions.computeIfAbsent(key, this::retentionOf));
            if (retention.isEmpty()) {
                continue; // unknown process: keep rather than guess
            }
            Instant closedAt = jdbc.sql("SELECT closed_at FROM case_record WHERE case_number = ?").param(number)
                    .query(java.sql.Timestamp.class).single().toInstant();
            if (!closedAt.plus(retention.get()).isAfter(now)) {
                MDC.put("caseNumber", number);
                MDC.put("processKey", processKey.get());
                try {
                    Map<String, Integer> rows = transaction.execute(status -> endRetention(number, now));
                    rows.forEach((kind, count) -> removed.merge(kind, count, Integer::sum));
                    log.info("Retention of case {} ended: removed {}", number, rows);
                } finally {
                    MDC.remove("caseNumber");
                    MDC.remove("processKey");
                }
            }
        }
        return removed;
    }

    /** The configured retention of the process, else its latest model's history time-to-live. */
    Optional<Duration> retentionOf(String processKey) {
        Optional<Duration> configured = properties.configured(processKey);
        if (configured.isPresent()) {
            return configured;
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult();
        return latest == null || latest.getHistoryTimeToLive() == null ? Optional.empty()
                : Optional.of(Duration.ofDays(latest.getHistoryTimeToLive()));
    }

    private Map<String, Integer> endRetention(String number, Instant now) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        removed.put("history", removeHistory(number));
        removed.put("events", jdbc.sql("DELETE FROM case_event WHERE case_number = ?").param(number).update());
        removed.put("documents", jdbc.sql("DELETE FROM case_document WHERE case_number = ?").param(number).update());
        others.orderedStream().forEach(other -> removed.merge(other.kind(), other.removeCaseData(number), Integer::sum));
        jdbc.sql("UPDATE case_record SET applicant_user = NULL, anonymised_at = ? WHERE case_number = ?")
                .params(CaseRepository.at(now), number).update();
        removed.put("cases", 1);
        return removed;
    }

    /** Every finished process instance of the case with its sub-instances; counts the process instances. */
    private int removeHistory(String number) {
        List<String> ids = history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number).finished()
                .list().stream().map(HistoricProcessInstance::getRootProcessInstanceId).distinct()
                .flatMap(root -> history.createHistoricProcessInstanceQuery().rootProcessInstanceId(root).finished()
                        .list().stream())
                .map(HistoricProcessInstance::getId).distinct().toList();
        if (ids.isEmpty()) {
            return 0;
        }
        // decisions evaluated in the case's processes keep their inputs: the engine removes them
        // only with its own cleanup, so they go here with the process instances
        List<String> decisions = ids.stream().flatMap(id -> history.createHistoricDecisionInstanceQuery()
                .processInstanceId(id).list().stream()).map(HistoricDecisionInstance::getId).toList();
        if (!decisions.isEmpty()) {
            history.deleteHistoricDecisionInstancesBulk(decisions);
        }
        history.deleteHistoricProcessInstancesIfExists(ids);
        return ids.size();
    }
}
