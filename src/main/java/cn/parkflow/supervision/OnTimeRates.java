package cn.parkflow.supervision;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * On-time rates from the engine's history: of the steps with a due date completed in the last N
 * days, the share completed by their due date, per department (the step's candidate group) and
 * per step. A step cancelled with its process counts neither way.
 */
@Component
class OnTimeRates {

    static final List<Integer> PERIODS = List.of(30, 90, 365);

    private static final String COMPLETED_STEPS = """
            SELECT l.GROUP_ID_ AS department, t.PROC_DEF_KEY_ AS process_key, t.TASK_DEF_KEY_ AS step_key,
                   MAX(t.NAME_) AS step, COUNT(*) AS completed,
                   SUM(CASE WHEN t.END_TIME_ <= t.DUE_DATE_ THEN 1 ELSE 0 END) AS on_time
            FROM ACT_HI_TASKINST t
            JOIN (SELECT DISTINCT TASK_ID_, GROUP_ID_ FROM ACT_HI_IDENTITYLINK
                  WHERE TYPE_ = 'candidate' AND GROUP_ID_ IS NOT NULL AND OPERATION_TYPE_ = 'add') l
              ON l.TASK_ID_ = t.ID_
            WHERE t.END_TIME_ >= ? AND t.DUE_DATE_ IS NOT NULL AND t.DELETE_REASON_ = 'completed'
            GROUP BY l.GROUP_ID_, t.PROC_DEF_KEY_, t.TASK_DEF_KEY_
            """;

    private final JdbcClient jdbc;
    private final DepartmentDirectory departments;
    private final ProcessNames processNames;

    OnTimeRates(JdbcClient jdbc, DepartmentDirectory departments, ProcessNames processNames) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.processNames = processNames;
    }

    View of(BoardScope scope, int days, Instant now) {
        Map<String, String> names = processNames.byKey();
        List<Rate> steps = jdbc.sql(COMPLETED_STEPS).param(Timestamp.from(now.minus(Duration.ofDays(days))))
                .query((rs, n) -> new Rate(rs.getString("department"), departmentName(rs.getString("department")),
                        rs.getString("process_key"), names.getOrDefault(rs.getString("process_key"), rs.getString("process_key")),
                        rs.getString("step_key"), rs.getString("step"), rs.getInt("completed"), rs.getInt("on_time"),
                        percent(rs.getInt("on_time"), rs.getInt("completed"))))
                .list().stream().filter(r -> departments.exists(r.department()) && scope.includes(r.department()))
                .sorted((a, b) -> a.department().equals(b.department()) ? a.step().compareTo(b.step())
                        : a.department().compareTo(b.department()))
                .toList();
        Map<String, int[]> totals = new LinkedHashMap<>();
        steps.forEach(r -> {
            int[] sum = totals.computeIfAbsent(r.department(), d -> new int[2]);
            sum[0] += r.completed();
            sum[1] += r.onTime();
        });
        List<Rate> byDepartment = totals.entrySet().stream().map(e -> new Rate(e.getKey(), departmentName(e.getKey()),
                null, null, null, null, e.getValue()[0], e.getValue()[1], percent(e.getValue()[1], e.getValue()[0])))
                .toList();
        return new View(days, byDepartment, steps);
    }

    private String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(code);
    }

    private static BigDecimal percent(int part, int whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    record View(int days, List<Rate> byDepartment, List<Rate> bySteps) {
    }

    /** @param percent share on time in percent, one decimal */
    record Rate(String department, String departmentName, String processKey, String processName, String stepKey,
                String step, int completed, int onTime, BigDecimal percent) {
    }
}
