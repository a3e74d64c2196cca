package cn.parkflow.supervision;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The open deadlines of every case, whatever its process: the engine's open user tasks with a due
 * date (one row per department among the task's candidate groups, else the case's department) and
 * the statutory clocks that are running (not paused, not stopped). One set-based query reads only
 * the deadlines that have a colour (due before {@link DeadlineStanding#colourlessFrom}), filtered by
 * department and process in PostgreSQL; the overview's counts are grouped there by department and
 * due moment, so only a few hundred rows reach Java, whose calendar gives their working days. The
 * engine's tables are only read.
 */
@Component
class OpenDeadlines {

    /** Open deadlines (tasks and running clocks) due before :before, one row per department. */
    static final String DEADLINES = """
            SELECT 'TASK' AS kind, t.ID_ AS task_id, t.NAME_ AS step, t.ASSIGNEE_ AS assignee, t.DUE_DATE_ AS due,
                   c.case_number, COALESCE(c.process_key, d.KEY_) AS process_key,
                   COALESCE(l.GROUP_ID_, c.department) AS department
            FROM ACT_RU_TASK t
            JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
            JOIN ACT_RE_PROCDEF d ON d.ID_ = t.PROC_DEF_ID_
            JOIN case_record c ON c.case_number = p.BUSINESS_KEY_
            LEFT JOIN (SELECT DISTINCT TASK_ID_, GROUP_ID_ FROM ACT_RU_IDENTITYLINK
                       WHERE TYPE_ = 'candidate' AND GROUP_ID_ IN (:known)) l ON l.TASK_ID_ = t.ID_
            WHERE t.DUE_DATE_ < :before AND c.closed_at IS NULL
            UNION ALL
            SELECT 'CLOCK', NULL, '%s', NULL, c.deadline_current, c.case_number,
                   COALESCE(c.process_key, c.case_type), c.department
            FROM case_record c JOIN statutory_clock s ON s.case_number = c.case_number
            WHERE c.closed_at IS NULL AND s.paused_at IS NULL AND s.stopped_at IS NULL
              AND c.deadline_current < :before
            """.formatted(OpenDeadline.CLOCK_STEP);
    static final String FILTER = """
            SELECT * FROM (%s) open_deadline
            WHERE (:everyDepartment OR department IN (:departments)) AND (:everyProcess OR process_key = :process)
            """.formatted(DEADLINES);
    static final String COUNTS = """
            SELECT department, due, COUNT(*) AS deadlines FROM (%s) counted GROUP BY department, due
            """.formatted(FILTER);

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

    /** The deadlines in scope (of one process, or every process when null) that have a colour as of {@code now}. */
    List<OpenDeadline> coloured(BoardScope scope, String process, Instant now) {
        Map<String, String> names = processNames.byKey();
        return query(FILTER, scope, process, now).query((rs, n) -> {
            String processKey = rs.getString("process_key");
            String department = rs.getString("department");
            Instant due = instant(rs, "due");
            DeadlineStanding.Standing where = standing.of(due, now);
            return new OpenDeadline(rs.getString("kind"), rs.getString("task_id"), rs.getString("case_number"),
                    processKey, names.getOrDefault(processKey, processKey), rs.getString("step"), department,
                    departmentName(department), rs.getString("assignee"), due, where.workingDaysOverdue(),
                    where.colour());
        }).list();
    }

    /** How many deadlines in scope are 蓝, 黄 and 红 per department, as of {@code now}. */
    Map<String, Map<Colour, Integer>> coloursByDepartment(BoardScope scope, Instant now) {
        Map<String, Map<Colour, Integer>> counts = new TreeMap<>();
        query(COUNTS, scope, null, now).query((ResultSet rs) -> {
            Colour colour = standing.of(instant(rs, "due"), now).colour();
            if (colour != null) {
                counts.computeIfAbsent(rs.getString("department"), d -> new EnumMap<>(Colour.class))
                        .merge(colour, rs.getInt("deadlines"), Integer::sum);
            }
        });
        return counts;
    }

    private JdbcClient.StatementSpec query(String sql, BoardScope scope, String process, Instant now) {
        List<String> known = departments.all().stream().map(Department::code).toList();
        return jdbc.sql(sql)
                .param("known", known.isEmpty() ? List.of("") : known)
                .param("before", Timestamp.from(standing.colourlessFrom(now)))
                .param("everyDepartment", scope.departments() == null)
                .param("departments", scope.departments() == null || scope.departments().isEmpty() ? List.of("")
                        : List.copyOf(scope.departments()))
                .param("everyProcess", process == null)
                .param("process", process == null ? "" : process);
    }

    String departmentName(String code) {
        return departments.find(code).map(Department::name).orElse(code);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
