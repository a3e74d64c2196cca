package cn.parkflow.casefile;

import cn.parkflow.engine.GaugeTable;
import cn.parkflow.engine.RefreshedMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** {@code parkflow.cases.open{process,status}}: open cases by the process that opened them and status. */
@Component
class CaseMetrics implements RefreshedMetrics {

    private final JdbcClient jdbc;
    private final CaseProcesses processes;
    private final GaugeTable open;

    CaseMetrics(JdbcClient jdbc, CaseProcesses processes, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.processes = processes;
        this.open = new GaugeTable(registry, "parkflow.cases.open", "open cases by process and status");
    }

    @Override
    public void refresh() {
        // a case's process is known once its first process instance has started
        jdbc.sql("SELECT case_number FROM case_record WHERE process_key IS NULL AND closed_at IS NULL")
                .query(String.class).list().forEach(processes::processKeyOf);
        Map<Map<String, String>, Long> rows = new LinkedHashMap<>();
        jdbc.sql("SELECT COALESCE(process_key, 'none') AS process, status, count(*) AS cases FROM case_record "
                        + "WHERE closed_at IS NULL GROUP BY process_key, status")
                .query((rs, row) -> {
                    Map<String, String> tags = new LinkedHashMap<>();
                    tags.put("process", rs.getString("process"));
                    tags.put("status", rs.getString("status"));
                    return Map.entry(tags, rs.getLong("cases"));
                }).list().forEach(entry -> rows.put(entry.getKey(), entry.getValue()));
        open.refresh(rows);
    }
}
