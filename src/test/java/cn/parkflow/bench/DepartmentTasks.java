package cn.parkflow.bench;

import cn.parkflow.engine.DisplayVariables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * S3: one department's page of open tasks as Tasklist's shared filter 本部门待办 asks for it
 * (candidate group in the user's groups, assigned tasks included, authorization-checked), sorted by
 * due date then creation, first page of 15, plus the count Tasklist shows beside it.
 * The open tasks are real ones started through the engine (ten per department) and copied in SQL,
 * with their candidate-group links and the authorizations the engine grants with them, until the
 * wanted number is reached: the rows are exactly those the engine writes, only many more of them.
 * Each real task's instance has a business key, so that its card looks its case up. One more
 * department, {@value #SMALL}, has {@value #SMALL_TASKS} open tasks whatever the size, which are
 * not copied: its list is read too, since the best plan for a handful differs from the best for
 * thousands. The page is read in two orders: deadline first (an officer's choice) and newest first
 * (Tasklist's default).
 */
final class DepartmentTasks {

    static final String FILTER = "本部门待办";
    static final String SMALL = "s3-small";
    static final int SMALL_TASKS = 5;
    private static final int PER_DEPARTMENT = 10;

    /** The orders the page is read in. */
    enum Order {
        DEADLINE("deadline first"), NEWEST("newest first, Tasklist's default");

        final String label;

        Order(String label) {
            this.label = label;
        }

        TaskQuery sorted(TaskQuery query) {
            return this == DEADLINE ? query.orderByDueDate().asc().orderByTaskCreateTime().desc()
                    : query.orderByTaskCreateTime().desc();
        }
    }

    private final ProcessEngine engine;
    private final JdbcTemplate jdbc;
    private final List<String> departments;
    private final String filterId;
    private int copies;

    DepartmentTasks(ProcessEngine engine, JdbcTemplate jdbc, List<String> departments) {
        this.engine = engine;
        this.jdbc = jdbc;
        this.departments = departments;
        Filter filter = engine.getFilterService().createTaskFilterQuery().filterName(FILTER).singleResult();
        if (filter == null) {
            throw new IllegalStateException("Tasklist filter " + FILTER + " missing");
        }
        this.filterId = filter.getId();
        departments.forEach(department -> {
            for (int i = 0; i < PER_DEPARTMENT; i++) {
                engine.getRuntimeService().startProcessInstanceByKey(EngineWalk.DEPARTMENT_TASK,
                        "S3-" + department + "-" + i, Map.of("department", department));
            }
        });
        // the filter is the departments'; the small one is given it as they are
        Authorization read = engine.getAuthorizationService().createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        read.setGroupId(SMALL);
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        engine.getAuthorizationService().saveAuthorization(read);
        for (int i = 0; i < SMALL_TASKS; i++) {
            engine.getRuntimeService().startProcessInstanceByKey(EngineWalk.DEPARTMENT_TASK, "S3-" + SMALL + "-" + i,
                    Map.of("department", SMALL));
        }
    }

    List<String> departments() {
        return departments;
    }

    /** Copies the real tasks until about {@code total} bench tasks are open; returns how many are. */
    int grow(int total) {
        int real = PER_DEPARTMENT * departments.size();
        int wanted = Math.max(0, (int) Math.ceil((double) total / real) - 1);
        if (wanted > copies) {
            copy("act_ru_task", copies + 1, wanted, Map.of("id_", "'x' || g || '-' || t.id_",
                    "create_time_", "t.create_time_ - g * interval '1 minute'",
                    "due_date_", "t.due_date_ + (g % 40) * interval '1 day'"),
                    realTask("t.id_"));
            copy("act_ru_identitylink", copies + 1, wanted, Map.of("id_", "'x' || g || '-' || t.id_",
                    "task_id_", "'x' || g || '-' || t.task_id_"), realTask("t.task_id_"));
            copy("act_ru_authorization", copies + 1, wanted, Map.of("id_", "'x' || g || '-' || t.id_",
                    "resource_id_", "'x' || g || '-' || t.resource_id_"), "t.resource_type_ = 7 AND " + realTask("t.resource_id_"));
            copies = wanted;
            jdbc.execute("ANALYZE");
        }
        return jdbc.queryForObject("SELECT count(*) FROM act_ru_task WHERE proc_def_id_ IN "
                + "(SELECT id_ FROM act_re_procdef WHERE key_ = '" + EngineWalk.DEPARTMENT_TASK + "')", Integer.class);
    }

    private static String realTask(String column) {
        return column + " IN (SELECT id_ FROM act_ru_task WHERE id_ NOT LIKE 'x%' AND proc_def_id_ IN "
                + "(SELECT id_ FROM act_re_procdef WHERE key_ = '" + EngineWalk.DEPARTMENT_TASK + "') "
                + "AND id_ NOT IN (SELECT task_id_ FROM act_ru_identitylink WHERE group_id_ = '" + SMALL + "'))";
    }

    private void copy(String table, int from, int to, Map<String, String> replaced, String where) {
        List<String> columns = jdbc.queryForList("SELECT column_name FROM information_schema.columns "
                + "WHERE table_name = ? ORDER BY ordinal_position", String.class, table);
        String select = columns.stream().map(column -> replaced.getOrDefault(column, "t." + column))
                .collect(Collectors.joining(", "));
        jdbc.update("INSERT INTO " + table + " (" + String.join(", ", columns) + ") SELECT " + select + " FROM "
                + table + " t CROSS JOIN generate_series(" + from + ", " + to + ") g WHERE " + where);
    }

    /**
     * The plans PostgreSQL chose for one page-and-count read, with actual times (auto_explain, in
     * this transaction only), as written to the server log.
     */
    String explain(TransactionTemplate transaction, Path serverLog) throws IOException {
        long before = Files.size(serverLog);
        transaction.executeWithoutResult(status -> {
            jdbc.execute("LOAD 'auto_explain'");
            jdbc.execute("SET LOCAL auto_explain.log_min_duration = 0");
            jdbc.execute("SET LOCAL auto_explain.log_analyze = on");
            jdbc.execute("SET LOCAL auto_explain.log_buffers = on");
            // the planner settings that differ from the server's defaults (parkflow.database.postgres-options)
            jdbc.execute("SET LOCAL auto_explain.log_settings = on");
            for (Order order : Order.values()) {
                pageMillis(1, order, departments);
                pageMillis(1, order, List.of(SMALL));
            }
        });
        byte[] log = Files.readAllBytes(serverLog);
        return new String(log, (int) before, log.length - (int) before, StandardCharsets.UTF_8);
    }

    /** Candidate indexes, each a CREATE INDEX statement. */
    void apply(List<String> indexes) {
        indexes.forEach(jdbc::execute);
        jdbc.execute("ANALYZE");
    }

    void drop(List<String> indexes) {
        indexes.forEach(ddl -> jdbc.execute("DROP INDEX " + ddl.replaceAll("(?i).*INDEX\\s+(\\w+)\\s+ON.*", "$1")));
    }

    /**
     * Milliseconds of each of {@code samples} reads of the card values of a department's first page
     * (what the Tasklist's list answer gains, {@link DisplayVariables}), departments taking turns.
     */
    List<Double> cardValueMillis(int samples, DisplayVariables cards) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String department = departments.get(i % departments.size());
            engine.getIdentityService().setAuthentication("bench-" + department, List.of(department));
            List<Task> page;
            try {
                page = engine.getFilterService().listPage(filterId, Order.DEADLINE.sorted(engine.getTaskService().createTaskQuery()), 0, 15);
            } finally {
                engine.getIdentityService().clearAuthentication();
            }
            long start = System.nanoTime();
            cards.of(page.stream().map(Task::getId).toList());
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    /** Milliseconds of each of {@code samples} page-and-count reads in the deadline order, departments taking turns. */
    List<Double> pageMillis(int samples) {
        return pageMillis(samples, Order.DEADLINE, departments);
    }

    /** Milliseconds of each of {@code samples} page-and-count reads in {@code order}, {@code groups} taking turns. */
    List<Double> pageMillis(int samples, Order order, List<String> groups) {
        FilterService filters = engine.getFilterService();
        IdentityService identity = engine.getIdentityService();
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < samples; i++) {
            String department = groups.get(i % groups.size());
            identity.setAuthentication("bench-" + department, List.of(department));
            long start = System.nanoTime();
            try {
                filters.listPage(filterId, order.sorted(engine.getTaskService().createTaskQuery()), 0, 15);
                filters.count(filterId);
            } finally {
                identity.clearAuthentication();
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }
}
