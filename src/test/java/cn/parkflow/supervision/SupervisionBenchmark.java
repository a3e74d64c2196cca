package cn.parkflow.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a test (excluded from surefire by its name): the board's overview and overdue list over HTTP
 * with 10,000 open cases (each with an open step, every tenth with a running statutory clock) and
 * 50,000 history entries (completed steps, and as many audit events) on PostgreSQL. Goal: ≤ 1 s
 * each. Run: {@code mvn -o test -Dtest=SupervisionBenchmark}; figures printed and written to
 * target/benchmark/supervision.txt.
 */
class SupervisionBenchmark extends PostgresApplicationTest {

    private static final int OPEN_CASES = 10_000;
    private static final int HISTORY = 50_000;
    private static final String[] DEPARTMENTS = {"stc", "amr", "ip-station", "commerce", "health", "planning",
            "econ", "drc", "hrss", "finance"};

    @Autowired CaseFile caseFile;
    @Autowired StatutoryClock clocks;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired DepartmentDirectory departments;
    @Autowired DeadlineStanding standing;

    @Test
    void measureOverviewAndOverdueList() throws IOException {
        new SupervisionFixture(caseFile, repository, runtime, tasks, jdbc);
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(SupervisionFixture.PROCESS)
                .latestVersion().singleResult().getId();
        long loadStart = System.nanoTime();
        load(definition);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        List<String> lines = new ArrayList<>();
        lines.add("load average before: " + loadAverage());
        lines.add("data: %d open cases with an open step (%d with a running statutory clock), %d completed steps and %d audit events in history; load %.1f s"
                .formatted(OPEN_CASES, OPEN_CASES / 10, HISTORY, HISTORY, loadSeconds));
        lines.add(measure("GET /api/supervision/overview", "/api/supervision/overview"));
        lines.add(measure("GET /api/supervision/overdue", "/api/supervision/overdue"));
        lines.add(measure("GET /api/supervision/overdue.xlsx", "/api/supervision/overdue.xlsx"));
        lines.add(measure("GET /api/supervision/on-time?days=365", "/api/supervision/on-time?days=365"));
        lines.add("load average after: " + loadAverage());
        lines.addAll(plans());
        Path report = Path.of("target", "benchmark", "supervision.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, String.join("\n", lines) + "\n");
        lines.forEach(System.out::println);
    }

    private String measure(String name, String path) {
        for (int i = 0; i < 3; i++) {
            assertThat(http().get(path, "supervisor").statusCode()).isEqualTo(200);
        }
        List<Double> millis = new ArrayList<>();
        int size = 0;
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http().getBytes(path, "supervisor");
            millis.add((System.nanoTime() - start) / 1e6);
            assertThat(response.statusCode()).isEqualTo(200);
            size = response.body().length;
        }
        Collections.sort(millis);
        return "%-40s min %6.0f ms, median %6.0f ms, max %6.0f ms (10 runs after 3 warm-ups; %d bytes; load %s)"
                .formatted(name, millis.get(0), (millis.get(4) + millis.get(5)) / 2, millis.get(9), size, loadAverage());
    }

    /** The 1, 5 and 15 minute load averages: the machine is shared, so every figure says how busy it was. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** PostgreSQL's plans (EXPLAIN ANALYZE) of the board's queries, as run, so a slow step shows where it is. */
    private List<String> plans() {
        List<String> lines = new ArrayList<>();
        Map<String, String> queries = Map.of("overdue list (coloured deadlines)", OpenDeadlines.FILTER,
                "overview: colour counts per department", OpenDeadlines.COUNTS, "overview: open cases", Overview.OPEN_CASES);
        List<String> known = departments.all().stream().map(Department::code).toList();
        queries.forEach((name, query) -> {
            lines.add("EXPLAIN ANALYZE, " + name + ":");
            jdbc.sql("EXPLAIN ANALYZE " + query).param("known", known)
                    .param("before", Timestamp.from(standing.colourlessFrom(Instant.now())))
                    .param("everyDepartment", true).param("departments", List.of(""))
                    .param("everyProcess", true).param("process", "")
                    .query((rs, n) -> "  " + rs.getString(1)).list().forEach(lines::add);
        });
        return lines;
    }

    /** Set-based inserts: the engine's runtime and history rows as the engine writes them, without running it. */
    private void load(String definition) {
        String departments = "(ARRAY['" + String.join("','", DEPARTMENTS) + "'])[1 + n % " + DEPARTMENTS.length + "]";
        jdbc.sql("""
                INSERT INTO case_record (case_number, case_type, title, applicant_user, applicant_organisation, department,
                    status, opened_at, process_key)
                SELECT 'BM-2026-' || n, 'BM', '基准案件 ' || n, 'applicant1', '基准企业', %s, 'OPEN',
                    now() - (n %% 200) * interval '1 day', '%s'
                FROM generate_series(1, %d) n""".formatted(departments, SupervisionFixture.PROCESS, OPEN_CASES)).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_EXECUTION (ID_, REV_, ROOT_PROC_INST_ID_, PROC_INST_ID_, BUSINESS_KEY_, PROC_DEF_ID_,
                    ACT_ID_, IS_ACTIVE_, IS_CONCURRENT_, IS_SCOPE_, IS_EVENT_SCOPE_, SUSPENSION_STATE_, SEQUENCE_COUNTER_)
                SELECT 'bm-pi-' || n, 1, 'bm-pi-' || n, 'bm-pi-' || n, 'BM-2026-' || n, ?, 'Task_CheckMaterials',
                    true, false, true, false, 1, 1
                FROM generate_series(1, %d) n""".formatted(OPEN_CASES)).param(definition).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_TASK (ID_, REV_, EXECUTION_ID_, PROC_INST_ID_, PROC_DEF_ID_, NAME_, TASK_DEF_KEY_,
                    ASSIGNEE_, PRIORITY_, CREATE_TIME_, DUE_DATE_, SUSPENSION_STATE_)
                SELECT 'bm-task-' || n, 1, 'bm-pi-' || n, 'bm-pi-' || n, ?, '核查材料', 'Task_CheckMaterials',
                    CASE WHEN n %% 3 = 0 THEN 'stc-officer' END, 50, localtimestamp - interval '30 days',
                    date_trunc('day', localtimestamp) + ((n %% 40) - 20) * interval '1 day' + interval '17 hours 30 minutes', 1
                FROM generate_series(1, %d) n""".formatted(OPEN_CASES)).param(definition).update();
        jdbc.sql("""
                INSERT INTO ACT_RU_IDENTITYLINK (ID_, REV_, GROUP_ID_, TYPE_, TASK_ID_)
                SELECT 'bm-link-' || n, 1, %s, 'candidate', 'bm-task-' || n
                FROM generate_series(1, %d) n""".formatted(departments, OPEN_CASES)).update();
        jdbc.sql("""
                INSERT INTO statutory_clock (case_number, started_at, started_by, limit_days, day_unit)
                SELECT 'BM-2026-' || n, now() - interval '20 days', 'system', 20, 'WORKING'
                FROM generate_series(10, %d, 10) n""".formatted(OPEN_CASES)).update();
        jdbc.sql("""
                UPDATE case_record SET deadline_original = opened_at + interval '28 days',
                    deadline_current = now() + ((substring(case_number from 9)::int % 20) - 10) * interval '1 day'
                WHERE case_type = 'BM' AND case_number IN (SELECT case_number FROM statutory_clock)""").update();
        jdbc.sql("""
                INSERT INTO ACT_HI_TASKINST (ID_, PROC_DEF_KEY_, PROC_DEF_ID_, ROOT_PROC_INST_ID_, PROC_INST_ID_,
                    EXECUTION_ID_, ACT_INST_ID_, NAME_, TASK_DEF_KEY_, ASSIGNEE_, START_TIME_, END_TIME_, DURATION_,
                    DELETE_REASON_, PRIORITY_, DUE_DATE_, TASK_STATE_)
                SELECT 'bm-hi-' || n, ?, ?, 'bm-hi-pi-' || n, 'bm-hi-pi-' || n, 'bm-hi-pi-' || n, 'bm-act-' || n,
                    '核查材料', 'Task_CheckMaterials', 'stc-officer', localtimestamp - (n %% 360 + 5) * interval '1 day',
                    localtimestamp - (n %% 360) * interval '1 day', 432000000, 'completed', 50,
                    localtimestamp - (n %% 360) * interval '1 day' + ((n %% 7) - 3) * interval '1 day', 'Completed'
                FROM generate_series(1, %d) n""".formatted(HISTORY))
                .params(SupervisionFixture.PROCESS, definition).update();
        jdbc.sql("""
                INSERT INTO ACT_HI_IDENTITYLINK (ID_, TIMESTAMP_, TYPE_, GROUP_ID_, TASK_ID_, PROC_DEF_ID_,
                    OPERATION_TYPE_, PROC_DEF_KEY_)
                SELECT 'bm-hi-link-' || n, localtimestamp, 'candidate', %s, 'bm-hi-' || n, ?, 'add', ?
                FROM generate_series(1, %d) n""".formatted(departments, HISTORY))
                .params(definition, SupervisionFixture.PROCESS).update();
        jdbc.sql("""
                INSERT INTO case_event (case_number, occurred_at, actor, action, task, outcome)
                SELECT 'BM-2026-' || (1 + n %% %d), now() - (n %% 300) * interval '1 day', 'stc-officer', 'TASK_COMPLETED',
                    '核查材料', '已办理'
                FROM generate_series(1, %d) n""".formatted(OPEN_CASES, HISTORY)).update();
        jdbc.sql("ANALYZE").update();
    }
}
