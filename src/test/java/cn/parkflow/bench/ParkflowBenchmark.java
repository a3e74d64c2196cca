package cn.parkflow.bench;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.support.PostgresTestServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parkflow's benchmark harness (issue 17, README "Performance"): runs the scenarios in one JVM on
 * one PostgreSQL server, prints one table and writes it to {@code target/bench/results.json}.
 * Every figure is given as min / median / max of the repetitions; ratios are taken within a
 * repetition, Parkflow against the bare engine measured right beside it.
 *
 * <pre>{@code mvn -Pbench verify                                  # everything, 3 repetitions
 * mvn -Pbench verify -Dbench.args="--scenarios=S1 --reps=5 --cases=30"}</pre>
 *
 * Options: {@code --scenarios=S0,S1,S3,S4} (default all), {@code --reps=3}, {@code --cases=20}
 * (cases per repetition of S1), {@code --profile=20} (a JFR recording of 20 more cases of S1, on each
 * engine), {@code --query-sizes=10000,100000} (S3), {@code --s3-index=CREATE INDEX …;CREATE INDEX …}
 * (S3 measured again with these indexes, named i_…, dropped after), {@code --reminders=10000} and
 * {@code --s4-timeout=300} seconds (S4).
 */
public final class ParkflowBenchmark {

    private ParkflowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Set<String> scenarios = Set.of(options.getOrDefault("scenarios", "S0,S1,S3,S4").split(","));
        int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        int cases = Integer.parseInt(options.getOrDefault("cases", "20"));
        List<Result> results = new ArrayList<>();
        PostgresTestServer postgres = PostgresTestServer.shared();
        Map<String, Object> environment = new LinkedHashMap<>();
        environment.put("cpus", Runtime.getRuntime().availableProcessors());
        environment.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        environment.put("java", System.getProperty("java.version"));
        environment.put("postgres", "17.5 (zonky binaries, fsync and synchronous_commit on)");
        environment.put("options", options);

        if (scenarios.contains("S0")) {
            results.addAll(commitCeiling(postgres, reps));
        }
        if (scenarios.contains("S1") || scenarios.contains("S3") || scenarios.contains("S4")) {
            try (ConfigurableApplicationContext parkflow = parkflow(postgres)) {
                if (scenarios.contains("S1")) {
                    results.addAll(engineWalk(parkflow, postgres, reps, cases,
                            Integer.parseInt(options.getOrDefault("profile", "0"))));
                }
                if (scenarios.contains("S3") || scenarios.contains("S4")) {
                    DepartmentTasks tasks = departmentTasks(parkflow);
                    if (scenarios.contains("S3")) {
                        results.addAll(departmentQuery(tasks, reps, options.getOrDefault("query-sizes", "10000,100000"),
                                new TransactionTemplate(parkflow.getBean(PlatformTransactionManager.class)), postgres.serverLog(),
                                options.containsKey("s3-index") ? List.of(options.get("s3-index").split(";")) : List.of()));
                    }
                    if (scenarios.contains("S4")) {
                        tasks.grow(Integer.parseInt(options.getOrDefault("reminders", "10000")) * reps);
                        results.addAll(reminderDrain(parkflow, reps, Integer.parseInt(options.getOrDefault("reminders", "10000")),
                                Integer.parseInt(options.getOrDefault("s4-timeout", "300"))));
                    }
                }
            }
        }
        System.out.println();
        System.out.println(Table.markdown(results));
        System.out.println("JSON: " + Table.writeJson(results, environment).toAbsolutePath());
        System.exit(0);
    }

    private static List<Result> commitCeiling(PostgresTestServer postgres, int reps) throws InterruptedException {
        CommitCeiling ceiling = new CommitCeiling(postgres);
        Result one = new Result("S0", "PostgreSQL commits/s, 1 client", "commits/s", "ceiling, for scale");
        Result four = new Result("S0", "PostgreSQL commits/s, 4 clients", "commits/s", "ceiling, for scale");
        ceiling.commitsPerSecond(1, 1000);
        for (int rep = 0; rep < reps; rep++) {
            one.add(ceiling.commitsPerSecond(1, 4000));
            four.add(ceiling.commitsPerSecond(4, 4000));
            log("S0 rep %d: %.0f commits/s (1 client), %.0f (4 clients)", rep + 1, last(one.parkflow), last(four.parkflow));
        }
        return List.of(one, four);
    }

    private static List<Result> engineWalk(ConfigurableApplicationContext context, PostgresTestServer postgres,
                                           int reps, int cases, int profiled)
            throws InterruptedException {
        CaseFile caseFile = context.getBean(CaseFile.class);
        EngineWalk parkflow = new EngineWalk(context.getBean(ProcessEngine.class), i -> caseFile.open(
                new NewCase("INC", "基准测试孵化器认定 " + i, "bench-applicant", "上海闵行创新孵化器有限公司", "stc"),
                "bench-applicant").number());
        ProcessEngine bareEngine = EngineWalk.bareEngine(postgres.createDatabaseOnce("bench_bare"));
        EngineWalk bare = new EngineWalk(bareEngine, i -> "BENCH-" + i);
        Result throughput = new Result("S1", "8-task case, start + 8 completions, engine API", "cases/s", "ratio ≥ 0.8");
        Result start = new Result("S1", "start a case (median)", "ms", "");
        Result complete = new Result("S1", "complete a task (median)", "ms", "");
        settle(context.getBean(JdbcTemplate.class));
        int next = 0;
        parkflow.walk(next, 5);
        bare.walk(next, 5);
        next += 5;
        for (int rep = 0; rep < reps; rep++) {
            double parkflowRate;
            double bareRate;
            if (rep % 2 == 0) {
                bareRate = bare.walk(next, cases);
                parkflowRate = parkflow.walk(next, cases);
            } else {
                parkflowRate = parkflow.walk(next, cases);
                bareRate = bare.walk(next, cases);
            }
            next += cases;
            throughput.add(parkflowRate, bareRate);
            start.add(Spread.of(parkflow.startMillis).median(), Spread.of(bare.startMillis).median());
            complete.add(Spread.of(parkflow.completeMillis).median(), Spread.of(bare.completeMillis).median());
            log("S1 rep %d: Parkflow %.2f cases/s, bare %.2f cases/s, ratio %.2f", rep + 1, parkflowRate, bareRate,
                    parkflowRate / bareRate);
        }
        if (profiled > 0) {
            int from = next;
            log("S1 profile of %d Parkflow cases: %s", profiled, Profiled.record("s1-parkflow", () -> parkflow.walk(from, profiled)));
            log("S1 profile of %d bare cases: %s", profiled, Profiled.record("s1-bare", () -> bare.walk(from, profiled)));
            next += profiled;
        }
        bareEngine.close();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Integer mails = jdbc.queryForObject("SELECT count(*) FROM notification n JOIN case_record c ON c.case_number = n.case_number "
                + "WHERE c.applicant_user = 'bench-applicant'", Integer.class);
        Integer audits = jdbc.queryForObject("SELECT count(*) FROM case_event e JOIN case_record c ON c.case_number = e.case_number "
                + "WHERE c.applicant_user = 'bench-applicant' AND e.action = 'TASK_COMPLETED'", Integer.class);
        int walked = next;
        throughput.note(String.format("kernel on: %d cases walked, %d task mails in the outbox (%.1f per case, 8 expected), "
                + "%d step audits (%.1f per case, 8 expected)", walked, mails, mails / (double) walked, audits,
                audits / (double) walked));
        return List.of(throughput, start, complete);
    }

    private static DepartmentTasks departmentTasks(ConfigurableApplicationContext context) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        EngineWalk.deploy(engine);
        List<String> departments = context.getBean(DepartmentDirectory.class).all().stream().map(Department::code).toList();
        return new DepartmentTasks(engine, context.getBean(JdbcTemplate.class), departments);
    }

    private static List<Result> departmentQuery(DepartmentTasks tasks, int reps, String sizes,
                                                TransactionTemplate transaction, Path serverLog, List<String> indexes)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (String size : sizes.split(",")) {
            int open = tasks.grow(Integer.parseInt(size));
            Result p95 = new Result("S3", String.format("本部门待办 page of 15 + count, %,d open tasks, 23 departments", open),
                    "ms p95", "≤ 100 ms at 100k");
            Result median = new Result("S3", String.format("the same, median, %,d open tasks", open), "ms", "");
            tasks.pageMillis(23);
            for (int rep = 0; rep < reps; rep++) {
                List<Double> millis = tasks.pageMillis(100);
                p95.add(Spread.percentile(millis, 95));
                median.add(Spread.percentile(millis, 50));
                log("S3 %d tasks rep %d: p95 %.1f ms, median %.1f ms", open, rep + 1, last(p95.parkflow), last(median.parkflow));
            }
            results.add(p95);
            results.add(median);
            Path plan = Path.of("target", "bench", "s3-plan-" + open + ".txt");
            Files.createDirectories(plan.getParent());
            Files.writeString(plan, tasks.explain(transaction, serverLog));
            log("S3 %d tasks: plans in %s", open, plan);
            if (!indexes.isEmpty()) {
                tasks.apply(indexes);
                Result indexed = new Result("S3", String.format("the same with the candidate indexes, %,d open tasks", open),
                        "ms p95", "≤ 100 ms at 100k");
                tasks.pageMillis(23);
                for (int rep = 0; rep < reps; rep++) {
                    indexed.add(Spread.percentile(tasks.pageMillis(100), 95));
                    log("S3 %d tasks with indexes rep %d: p95 %.1f ms", open, rep + 1, last(indexed.parkflow));
                }
                results.add(indexed.note(String.join("; ", indexes)));
                Path indexedPlan = Path.of("target", "bench", "s3-plan-" + open + "-indexed.txt");
                Files.writeString(indexedPlan, tasks.explain(transaction, serverLog));
                tasks.drop(indexes);
            }
        }
        return results;
    }

    private static List<Result> reminderDrain(ConfigurableApplicationContext context, int reps, int count,
                                              int timeoutSeconds) throws Exception {
        ReminderDrain drain = new ReminderDrain(context, context.getBean(JdbcTemplate.class));
        Result written = new Result("S4", String.format("%,d reminders due at once: all written to the outbox", count),
                "s", "");
        Result delivered = new Result("S4", "… and all of them delivered by the relay", "s", "");
        Result duplicates = new Result("S4", "duplicate reminder mails (relay + 2 more senders racing)", "count", "0");
        Result rate = new Result("S4", "reminders written to the outbox per second", "1/s", "");
        int mails = 0;
        int armed = 0;
        for (int rep = 0; rep < reps; rep++) {
            ReminderDrain.Drain result = drain.drain(count, 2, timeoutSeconds * 1000L);
            written.add(result.writtenSeconds());
            delivered.add(result.deliveredSeconds());
            duplicates.add(result.duplicates());
            rate.add(result.writtenInTime() / (Double.isNaN(result.writtenSeconds()) ? timeoutSeconds : result.writtenSeconds()));
            mails += result.mails();
            armed += result.reminders();
            log("S4 rep %d: %d reminders, %d written in time, written in %.1f s, delivered in %.1f s, %d mails, %d duplicates",
                    rep + 1, result.reminders(), result.writtenInTime(), result.writtenSeconds(), result.deliveredSeconds(),
                    result.mails(), result.duplicates());
        }
        written.note(String.format("NaN = not within %d s; %d mails written for %d reminders armed", timeoutSeconds, mails, armed));
        return List.of(written, delivered, rate, duplicates);
    }

    /**
     * Waits (3 minutes at most) until the demo data's jobs and mails are done, so that they do not
     * run beside the measurement.
     */
    private static void settle(JdbcTemplate jdbc) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        int busy = Integer.MAX_VALUE;
        while (busy > 0 && System.nanoTime() < deadline) {
            busy = jdbc.queryForObject("SELECT (SELECT count(*) FROM act_ru_job WHERE retries_ > 0 AND suspension_state_ = 1 "
                    + "AND (duedate_ IS NULL OR duedate_ <= now())) + (SELECT count(*) FROM notification WHERE status = 'PENDING')",
                    Integer.class);
            if (busy > 0) {
                Thread.sleep(1000);
            }
        }
        log("settled (%d jobs and mails still due)", busy);
    }

    /** The application as a node runs it (profile demo: its users, demo data, mail catcher), on PostgreSQL. */
    private static ConfigurableApplicationContext parkflow(PostgresTestServer postgres) {
        return SpringApplication.run(ParkflowApplication.class, "--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver");
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        Arrays.stream(args).flatMap(arg -> Arrays.stream(arg.trim().split("\\s+"))).filter(arg -> arg.startsWith("--"))
                .forEach(arg -> {
                    int equals = arg.indexOf('=');
                    options.put(arg.substring(2, equals < 0 ? arg.length() : equals), equals < 0 ? "true" : arg.substring(equals + 1));
                });
        return options;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static void log(String format, Object... values) {
        System.out.printf("[bench] " + format + "%n", values);
    }
}
