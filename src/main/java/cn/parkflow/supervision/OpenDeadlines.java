package cn.parkflow.supervision;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every open deadline of every case, whatever its process: the engine's open user tasks with a
 * due date (one row per department among the task's candidate groups, else the case's department)
 * and the statutory clocks that are running (not paused, not stopped). Read with two set-based
 * queries, not task by task, so 10,000 open cases stay fast; the engine's tables are only read.
 */
@Component
class OpenDeadlines {

    private static final String TASKS = """
            SELECT t.ID_ AS task_id, t.NAME_ AS step, t.ASSIGNEE_ AS assignee, t.DUE_DATE_ AS due,
                   c.case_number, c.department AS case_department, COALESCE(c.process_key, d.KEY_) AS process_key,
                   l.GROUP_ID_ AS candidate_group
            FROM ACT_RU_TASK t
            JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
            JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
            JOIN case_record c ON c.case_number = p.BUSINESS_KEY_
            LEFT JOIN ACT_RU_IDENTITYLINK l ON l.TASK_ID_ = t.ID_ AND l.TYPE_ = 'candidate' AND l.GROUP_ID_ IS NOT NULL
            WHERE t.DUE_DATE_ IS NOT NULL AND c.closed_at IS NULL
            """;
    private static final String CLOCKS = """
            SELECT c.case_number, c.department, COALESCE(c.process_key, c.case_type) AS process_key,
                   c.deadline_current AS due
            FROM case_record c JOIN statutory_clock s ON s.case_number = c.case_number
            WHERE c.closed_at IS NULL AND s.paused_at IS NULL AND s.stopped_at IS NULL
              AND c.deadline_current IS NOT NULL
            """;

    private final JdbcClient jdbc;
    private final DepartmentDirectory departments;
    private final DeadlineStanding standing;
    private final ProcessNames processNames;

    OpenDeadlines(JdbcClient jdbc, DepartmentDirectory departments, DeadlineStanding standing,
                  ProcessNames processNames) {
        this.jdbc = jdbc;
        this.departments = departments;
        this.standing = standing;
        this.processNames = processNames;
    }

    /** All open deadlines as of {@code now}, coloured; those with no colour are far from due. */
    @Transactional(readOnly = true)
    List<OpenDeadline> all(Instant now) {
        Map<String, String> names = processNames.byKey();
        List<OpenDeadline> result = new ArrayList<>();
        Map<String, List<TaskRow>> byTask = new LinkedHashMap<>();
        jdbc.sql(TASKS).query((rs, n) -> taskRow(rs)).list()
                .forEach(row -> byTask.computeIfAbsent(row.taskId(), id -> new ArrayList<>()).add(row));
        byTask.values().forEach(rows -> {
            TaskRow first = rows.get(0);
            List<String> groups = rows.stream().map(TaskRow::group).filter(g -> g != null && departments.exists(g))
                    .distinct().toList();
            for (String department : groups.isEmpty() ? List.of(first.caseDepartment()) : groups) {
                result.add(deadline(OpenDeadline.TASK, first.taskId(), first.caseNumber(), first.processKey(), names,
                        first.step(), department, first.assignee(), first.due(), now));
            }
        });
        jdbc.sql(CLOCKS).query((rs, n) -> deadline(OpenDeadline.CLOCK, null, rs.getString("case_number"),
                rs.getString("process_key"), names, OpenDeadline.CLOCK_STEP, rs.getString("department"), null,
                instant(rs, "due"), now)).list().forEach(result::add);
        return result;
    }

    private OpenDeadline deadline(String kind, String taskId, String caseNumber, String processKey,
                                  Map<String, String> names, String step, String department, String assignee,
                                  Instant due, Instant now) {
        DeadlineStanding.Standing where = standing.of(due, now);
        return new OpenDeadline(kind, taskId, caseNumber, processKey, names.getOrDefault(processKey, processKey),
                step, department, departments.find(department).map(Department::name).orElse(department), assignee,
                due, where.workingDaysOverdue(), where.colour());
    }

    private static TaskRow taskRow(ResultSet rs) throws SQLException {
        return new TaskRow(rs.getString("task_id"), rs.getString("step"), rs.getString("assignee"),
                instant(rs, "due"), rs.getString("case_number"), rs.getString("case_department"),
                rs.getString("process_key"), rs.getString("candidate_group"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private record TaskRow(String taskId, String step, String assignee, Instant due, String caseNumber,
                           String caseDepartment, String processKey, String group) {
    }
}
