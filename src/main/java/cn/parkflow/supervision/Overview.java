package cn.parkflow.supervision;

import cn.parkflow.casefile.StageNames;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The board's first page: open cases per process and stage, and 蓝/黄/红 counts per department. */
@Component
class Overview {

    /**
     * Open cases per process, department and stage. A case whose process is not on its record yet:
     * the first process instance that carried its number (as the kernel's CaseProcesses learns it),
     * read in the same query, not case by case.
     */
    static final String OPEN_CASES = """
            SELECT process_key, department, status, COUNT(*) AS cases FROM (
                SELECT COALESCE(c.process_key, (SELECT h.PROC_DEF_KEY_ FROM ACT_HI_PROCINST h
                           WHERE h.BUSINESS_KEY_ = c.case_number ORDER BY h.START_TIME_ LIMIT 1), c.case_type)
                           AS process_key, c.department, c.status
                FROM case_record c WHERE c.closed_at IS NULL) open_case
            GROUP BY process_key, department, status
            """;

    private final JdbcClient jdbc;
    private final ProcessNames processNames;
    private final StageNames stageNames;
    private final OpenDeadlines deadlines;
    private final DepartmentDirectory departments;

    Overview(JdbcClient jdbc, ProcessNames processNames, StageNames stageNames,
             OpenDeadlines deadlines, DepartmentDirectory departments) {
        this.jdbc = jdbc;
        this.processNames = processNames;
        this.stageNames = stageNames;
        this.deadlines = deadlines;
        this.departments = departments;
    }

    View of(BoardScope scope, Instant now) {
        return new View(openCases(scope), colours(scope, now));
    }

    private List<StageCount> openCases(BoardScope scope) {
        Map<String, String> names = processNames.byKey();
        List<StageCount> counts = new ArrayList<>();
        jdbc.sql(OPEN_CASES).query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)})
                .list().stream().filter(row -> scope.includes((String) row[1])).forEach(row -> {
                    String key = (String) row[0];
                    String stage = (String) row[2];
                    String label = stageNames.of(key, stage);
                    add(counts, new StageCount(key, names.getOrDefault(key, key), stage, label, (Integer) row[3]));
                });
        counts.sort((a, b) -> a.processName().equals(b.processName()) ? a.stageName().compareTo(b.stageName())
                : a.processName().compareTo(b.processName()));
        return counts;
    }

    private static void add(List<StageCount> counts, StageCount count) {
        for (int i = 0; i < counts.size(); i++) {
            StageCount existing = counts.get(i);
            if (existing.processKey().equals(count.processKey()) && existing.stage().equals(count.stage())) {
                counts.set(i, new StageCount(existing.processKey(), existing.processName(), existing.stage(),
                        existing.stageName(), existing.cases() + count.cases()));
                return;
            }
        }
        counts.add(count);
    }

    private List<DepartmentColours> colours(BoardScope scope, Instant now) {
        return deadlines.coloursByDepartment(scope, now).entrySet().stream().map(e -> new DepartmentColours(e.getKey(),
                departments.find(e.getKey()).map(Department::name).orElse(e.getKey()),
                e.getValue().getOrDefault(Colour.BLUE, 0), e.getValue().getOrDefault(Colour.YELLOW, 0),
                e.getValue().getOrDefault(Colour.RED, 0))).toList();
    }

    record View(List<StageCount> openCases, List<DepartmentColours> colours) {
    }

    record StageCount(String processKey, String processName, String stage, String stageName, int cases) {
    }

    record DepartmentColours(String department, String departmentName, int blue, int yellow, int red) {
    }
}
