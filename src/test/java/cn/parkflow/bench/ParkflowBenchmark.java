package cn.parkflow.bench;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.engine.DisplayVariables;
import cn.parkflow.incubator.IncubatorCaseWalk;
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
import jdk.jfr.Recording;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionOperations;
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
 * Options: {@code --scenarios=S0,S1,S2,S3,S4,S5,COLD} (default S0,S1,S3,S4), {@code --reps=3}, {@code --cases=20}
 * (cases per repetition of S1), {@code --profile=20} (a JFR recording of 20 more cases of S1, on each
 * engine), {@code --query-sizes=10000,100000} (S3), {@code --s3-warmup=230} (S3 reads at each size before
 * its first repetition, ten a department; with 23, a run of the 100k size alone measured its first
 * repetition half-compiled), {@code --s3-index=CREATE INDEX …;CREATE INDEX …}
 * (S3 measured again with these indexes, named i_…, dropped after), {@code --reminders=10000} and
 * {@code --s4-timeout=300} seconds (S4), {@code --s2-cases=3} (cases per repetition of S2),
 * {@code --cold-profile} (one more cold start of Parkflow, recorded to {@code target/bench/cold-parkflow.jfr}),
 * {@code --app.<property>=<value>} (a setting for the application nodes, e.g. to measure a feature off),
 * {@code --warmup=30} (S1 cases walked on each engine before the first repetition), {@code --bare=standalone} (S1's bare engine manages its own transactions instead of Spring's, as the starter has it).
 */
public final class ParkflowBenchmark {

    private ParkflowBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        Set<String> scenarios = Set.of(options.getOrDefault("scenarios", "S0,S1,S3,S4").split(","));
        int reps = Integer.parseInt(options.getOrDefault("reps", "3"));
        int cases = Integer.parseInt(options.getOrDefault("cases", "20"));
        options.forEach((key, value) -> {
            if (key.startsWith("app.")) {
                APP_SETTINGS.add("--" + key.substring(4) + "=" + value);
            }
        });
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
        if (scenarios.contains("COLD")) {
            results.addAll(guarded("COLD", () -> coldStart(postgres, reps, options.containsKey("cold-profile"))));
        }
        if (scenarios.stream().anyMatch(Set.of("S1", "S2", "S3", "S4", "S5")::contains)) {
            try (ConfigurableApplicationContext parkflow = parkflow(postgres)) {
                if (scenarios.contains("S1")) {
                    results.addAll(engineWalk(parkflow, postgres, reps, cases,
                            Integer.parseInt(options.getOrDefault("warmup", "30")), "standalone".equals(options.get("bare")),
                            Integer.parseInt(options.getOrDefault("profile", "0")),
                            Integer.parseInt(options.getOrDefault("statements", "0"))));
                }
                if (scenarios.contains("S2")) {
                    results.addAll(guarded("S2", () -> incubatorCases(parkflow, reps,
                            Integer.parseInt(options.getOrDefault("s2-cases", "3")))));
                }
                if (scenarios.contains("S5")) {
                    results.addAll(guarded("S5", () -> twoNodes(parkflow, postgres, reps, cases)));
                }
                if (scenarios.contains("S3") || scenarios.contains("S4")) {
                    DepartmentTasks tasks = departmentTasks(parkflow);
                    if (scenarios.contains("S3")) {
                        results.addAll(departmentQuery(tasks, parkflow.getBean(DisplayVariables.class), reps, options.getOrDefault("query-sizes", "10000,100000"),
                                Integer.parseInt(options.getOrDefault("s3-warmup", "230")),
                                new TransactionTemplate(parkflow.getBean(PlatformTransactionManager.class)), postgres.serverLog(),
                                options.containsKey("s3-index") ? List.of(options.get("s3-index").split(";")) : List.of()));
                    }
                    if (scenarios.contains("S4")) {
                        tasks.grow(Integer.parseInt(options.getOrDefault("reminders", "10000")) * reps);
                        results.addAll(guarded("S4", () -> reminderDrain(parkflow, reps,
                                Integer.parseInt(options.getOrDefault("reminders", "10000")),
                                Integer.parseInt(options.getOrDefault("s4-timeout", "300")))));
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
                                           int reps, int cases, int warmup, boolean standaloneBare,
                                           int profiled, int counted)
            throws InterruptedException {
        EngineWalk parkflow = parkflowWalk(context, "S1");
        ProcessEngine bareEngine = EngineWalk.bareEngine(postgres.createDatabaseOnce("bench_bare"), standaloneBare);
        EngineWalk bare = new EngineWalk(bareEngine, i -> "BENCH-" + i, TransactionOperations.withoutTransaction());
        Result throughput = new Result("S1", "8-task case, start + 8 completions, engine API", "cases/s", "ratio ≥ 0.8");
        Result start = new Result("S1", "start a case (median)", "ms", "");
        Result complete = new Result("S1", "complete a task (median)", "ms", "");
        Result cpu = new Result("S1", "CPU of the walking thread per case", "ms", "");
        settle(context.getBean(JdbcTemplate.class));
        // both engines' code paths compiled before the first repetition (with 5 cases the first
        // repetitions still ran partly interpreted and the ratio drifted by up to 0.3 within a run)
        int next = 0;
        parkflow.walk(next, warmup);
        bare.walk(next, warmup);
        next += warmup;
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
            cpu.add(parkflow.cpuMillisPerCase, bare.cpuMillisPerCase);
            log("S1 rep %d: Parkflow %.2f cases/s, bare %.2f cases/s, ratio %.2f (JIT compiling during the walks: %d / %d ms; "
                            + "walking thread's CPU per case %.1f / %.1f ms)",
                    rep + 1, parkflowRate, bareRate, parkflowRate / bareRate, parkflow.compileMillis, bare.compileMillis,
                    parkflow.cpuMillisPerCase, bare.cpuMillisPerCase);
        }
        if (profiled > 0) {
            int from = next + warmup;
            try (Recording instrumented = Profiled.instrumenting()) {
                // recording socket reads rewrites the JDK's socket classes, which throws away the compiled
                // database path of both engines: both walk their warm-up again before either is recorded
                parkflow.walk(next, warmup);
                bare.walk(next, warmup);
                log("S1 profile of %d Parkflow cases: %s", profiled, Profiled.record("s1-parkflow", () -> parkflow.walk(from, profiled)));
                log("S1 profile of %d bare cases: %s", profiled, Profiled.record("s1-bare", () -> bare.walk(from, profiled)));
            }
            next = from + profiled;
        }
        if (counted > 0) {
            StatementCensus census = new StatementCensus(context.getBean(JdbcTemplate.class), postgres.serverLog());
            int from = next;
            census.during(counted, () -> {
                parkflow.walk(from, counted);
                bare.walk(from, counted);
            }).forEach((database, shapes) -> {
                log("S1 statements per case on %s: %.1f", database, shapes.values().stream().mapToDouble(Double::doubleValue).sum());
                shapes.forEach((shape, perCase) -> log("  %6.2f  %s", perCase, shape));
            });
            next += counted;
        }
        bareEngine.close();
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        Integer mails = jdbc.queryForObject("SELECT count(*) FROM notification n JOIN case_record c ON c.case_number = n.case_number "
                + "WHERE c.applicant_user = 'bench-applicant'", Integer.class)
                + jdbc.queryForObject("SELECT count(*) FROM department_digest_entry d JOIN case_record c ON c.case_number = d.case_number "
                + "WHERE c.applicant_user = 'bench-applicant'", Integer.class);
        Integer audits = jdbc.queryForObject("SELECT count(*) FROM case_event e JOIN case_record c ON c.case_number = e.case_number "
                + "WHERE c.applicant_user = 'bench-applicant' AND e.action = 'TASK_COMPLETED'", Integer.class);
        int walked = next;
        throughput.note(String.format("kernel on: %d cases walked, %d task notices (mailed at once or queued for the department digest; %.1f per case, 8 expected), "
                + "%d step audits (%.1f per case, 8 expected)", walked, mails, mails / (double) walked, audits,
                audits / (double) walked));
        return List.of(throughput, start, complete, cpu);
    }

    /**
     * S2: incubator certification cases walked one after another over HTTP as the real users
     * ({@link IncubatorCaseWalk}), with the mail each case wrote to the outbox.
     */
    private static List<Result> incubatorCases(ConfigurableApplicationContext context, int reps, int cases)
            throws Exception {
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        IncubatorCaseWalk walk = new IncubatorCaseWalk(port(context), context.getBean(CaseFile.class),
                context.getBean(RuntimeService.class), context.getBean(ManagementService.class), 300_000);
        Result rate = new Result("S2", "incubator certification case over HTTP as the real users, start to closed, one after another",
                "cases/s", "");
        Result seconds = new Result("S2", "the same, seconds per case", "s", "");
        Result mails = new Result("S2", "mails written to the outbox per case", "count", "");
        settle(jdbc);
        walk.walk();
        for (int rep = 0; rep < reps; rep++) {
            List<String> numbers = new ArrayList<>();
            long begin = System.nanoTime();
            for (int i = 0; i < cases; i++) {
                long one = System.nanoTime();
                numbers.add(walk.walk());
                seconds.add((System.nanoTime() - one) / 1e9);
            }
            rate.add(cases / ((System.nanoTime() - begin) / 1e9));
            for (String number : numbers) {
                mails.add(jdbc.queryForObject("SELECT count(*) FROM notification WHERE case_number = ?", Integer.class, number));
            }
            log("S2 rep %d: %.3f cases/s, mails per case %s", rep + 1, last(rate.parkflow),
                    mails.parkflow.subList(mails.parkflow.size() - cases, mails.parkflow.size()));
        }
        rate.note("no bare baseline: the walk is Parkflow's own API and models");
        return List.of(rate, seconds, mails);
    }

    /**
     * S5: the S1 walk on one node against two nodes (a second application context in this JVM on
     * the same database), each node walked by one thread; beside it, in the same repetition, S0's
     * commits/s with one and two clients, to show whether PostgreSQL is what limits the scaling.
     */
    private static List<Result> twoNodes(ConfigurableApplicationContext nodeA, PostgresTestServer postgres, int reps,
                                         int cases) throws Exception {
        CommitCeiling ceiling = new CommitCeiling(postgres);
        Result scaling = new Result("S5", "S1 walk, 2 nodes ÷ 1 node on one PostgreSQL (cases/s)", "cases/s",
                "ratio ≥ 1.7 unless the database limits");
        Result database = new Result("S5", "S0 beside it: commits/s, 2 clients ÷ 1 client", "commits/s", "for scale");
        try (ConfigurableApplicationContext nodeB = parkflow(postgres)) {
            EngineWalk a = parkflowWalk(nodeA, "S5a");
            EngineWalk b = parkflowWalk(nodeB, "S5b");
            settle(nodeA.getBean(JdbcTemplate.class));
            a.walk(0, 2);
            b.walk(0, 2);
            int next = 2;
            for (int rep = 0; rep < reps; rep++) {
                double one = a.walk(next, cases);
                int from = next + cases;
                long begin = System.nanoTime();
                Thread second = new Thread(() -> b.walk(from, cases), "bench-node-b");
                second.start();
                a.walk(from + cases, cases);
                second.join();
                double two = 2 * cases / ((System.nanoTime() - begin) / 1e9);
                next = from + 2 * cases;
                scaling.add(two, one);
                double oneClient = ceiling.commitsPerSecond(1, 3000);
                double twoClients = ceiling.commitsPerSecond(2, 3000);
                database.add(twoClients, oneClient);
                log("S5 rep %d: one node %.2f cases/s, two nodes %.2f cases/s (%.2f×); S0 1 client %.0f, 2 clients %.0f commits/s (%.2f×)",
                        rep + 1, one, two, two / one, oneClient, twoClients, twoClients / oneClient);
            }
        }
        scaling.note("Parkflow column: two nodes, bare column: one node, ratio: two ÷ one; both nodes in one JVM on the same 2 cores");
        database.note("Parkflow column: 2 clients, bare column: 1 client");
        return List.of(scaling, database);
    }

    /**
     * Parkflow's walk: each case is opened in the case file in the transaction that starts its
     * process, as the incubator's start listener opens it ({@code incubator.ApplicationIntake}).
     */
    private static EngineWalk parkflowWalk(ConfigurableApplicationContext context, String prefix) {
        CaseFile caseFile = context.getBean(CaseFile.class);
        return new EngineWalk(context.getBean(ProcessEngine.class), i -> caseFile.open(
                new NewCase("INC", "基准测试孵化器认定 " + prefix + "-" + i, "bench-applicant", "上海闵行创新孵化器有限公司", "stc"),
                "bench-applicant").number(), new TransactionTemplate(context.getBean(PlatformTransactionManager.class)));
    }

    /** Cold start of a fresh JVM, Parkflow against the plain starter, alternating ({@link ColdStart}). */
    private static List<Result> coldStart(PostgresTestServer postgres, int reps, boolean profiled) throws Exception {
        ColdStart cold = new ColdStart(postgres.createDatabaseOnce("bench_cold_parkflow"),
                postgres.createDatabaseOnce("bench_cold_plain"));
        Result started = new Result("cold", "JVM start to \"Started\" (schema in place)", "s", "ratio ≤ 1.3");
        log("cold start: first starts (create the schemas, not measured): Parkflow %.1f s, plain %.1f s",
                cold.parkflowSeconds(), cold.plainSeconds());
        for (int rep = 0; rep < reps; rep++) {
            double parkflow;
            double plain;
            if (rep % 2 == 0) {
                plain = cold.plainSeconds();
                parkflow = cold.parkflowSeconds();
            } else {
                parkflow = cold.parkflowSeconds();
                plain = cold.plainSeconds();
            }
            started.add(parkflow, plain);
            log("cold start rep %d: Parkflow %.1f s, plain starter %.1f s, ratio %.2f", rep + 1, parkflow, plain, parkflow / plain);
        }
        if (profiled) {
            Path recording = Path.of("target", "bench", "cold-parkflow.jfr");
            log("cold start of Parkflow recorded (%.1f s): %s", cold.parkflowSecondsRecorded(recording), recording);
        }
        started.note("lower is better: the goal is the ratio ≤ 1.3; demo data is seeded by ApplicationRunners, after Started");
        return List.of(started);
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    private static DepartmentTasks departmentTasks(ConfigurableApplicationContext context) {
        ProcessEngine engine = context.getBean(ProcessEngine.class);
        EngineWalk.deploy(engine);
        List<String> departments = context.getBean(DepartmentDirectory.class).all().stream().map(Department::code).toList();
        return new DepartmentTasks(engine, context.getBean(JdbcTemplate.class), departments);
    }

    private static List<Result> departmentQuery(DepartmentTasks tasks, DisplayVariables cardValues, int reps, String sizes,
                                                int warmup, TransactionTemplate transaction, Path serverLog, List<String> indexes)
            throws IOException {
        List<Result> results = new ArrayList<>();
        for (String size : sizes.split(",")) {
            int open = tasks.grow(Integer.parseInt(size));
            for (DepartmentTasks.Order order : DepartmentTasks.Order.values()) {
                Result p95 = new Result("S3", String.format("本部门待办 page of 15 + count, %s, %,d open tasks, 23 departments",
                        order.label, open), "ms p95", "≤ 100 ms at 100k");
                Result median = new Result("S3", String.format("the same, median, %,d open tasks", open), "ms", "");
                tasks.pageMillis(warmup, order, tasks.departments());
                for (int rep = 0; rep < reps; rep++) {
                    List<Double> millis = tasks.pageMillis(100, order, tasks.departments());
                    p95.add(Spread.percentile(millis, 95));
                    median.add(Spread.percentile(millis, 50));
                    log("S3 %d tasks, %s, rep %d: p95 %.1f ms, median %.1f ms", open, order.label, rep + 1,
                            last(p95.parkflow), last(median.parkflow));
                }
                results.add(p95);
                results.add(median);
            }
            Result small = new Result("S3", String.format("the same for a department with %d open tasks, deadline first, %,d open tasks",
                    DepartmentTasks.SMALL_TASKS, open), "ms p95", "");
            List<String> smallOnly = List.of(DepartmentTasks.SMALL);
            tasks.pageMillis(warmup, DepartmentTasks.Order.DEADLINE, smallOnly);
            for (int rep = 0; rep < reps; rep++) {
                small.add(Spread.percentile(tasks.pageMillis(100, DepartmentTasks.Order.DEADLINE, smallOnly), 95));
                log("S3 %d tasks, small department, rep %d: p95 %.1f ms", open, rep + 1, last(small.parkflow));
            }
            results.add(small);
            Result cards = new Result("S3", String.format("the page's card values (案件编号, 申请单位, 期限, 席位), read when listed, %,d open tasks",
                    open), "ms median", "");
            for (int rep = 0; rep < reps; rep++) {
                cards.add(Spread.percentile(tasks.cardValueMillis(100, cardValues), 50));
                log("S3 %d tasks rep %d: card values median %.1f ms", open, rep + 1, last(cards.parkflow));
            }
            results.add(cards);
            Path plan = Path.of("target", "bench", "s3-plan-" + open + ".txt");
            Files.createDirectories(plan.getParent());
            Files.writeString(plan, tasks.explain(transaction, serverLog));
            log("S3 %d tasks: plans in %s", open, plan);
            if (!indexes.isEmpty()) {
                tasks.apply(indexes);
                Result indexed = new Result("S3", String.format("the same with the candidate indexes, %,d open tasks", open),
                        "ms p95", "≤ 100 ms at 100k");
                tasks.pageMillis(warmup);
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
    /** Settings given to every application node, from options {@code --app.<property>=<value>}. */
    private static final List<String> APP_SETTINGS = new ArrayList<>();

    private static ConfigurableApplicationContext parkflow(PostgresTestServer postgres) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--logging.level.root=WARN",
                "--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password=", "--spring.datasource.driver-class-name=org.postgresql.Driver"));
        args.addAll(APP_SETTINGS);
        return SpringApplication.run(ParkflowApplication.class, args.toArray(String[]::new));
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        // one argument per option (exec-maven-plugin splits bench.args, keeping quoted parts whole)
        Arrays.stream(args).map(String::trim).filter(arg -> arg.startsWith("--"))
                .forEach(arg -> {
                    int equals = arg.indexOf('=');
                    options.put(arg.substring(2, equals < 0 ? arg.length() : equals), equals < 0 ? "true" : arg.substring(equals + 1));
                });
        return options;
    }

    private interface Scenario {
        List<Result> run() throws Exception;
    }

    /** A scenario that fails is reported in the log and leaves the others to run. */
    private static List<Result> guarded(String name, Scenario scenario) {
        try {
            return scenario.run();
        } catch (Exception | AssertionError e) {
            log("%s failed: %s", name, e);
            e.printStackTrace(System.out);
            return List.of();
        }
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static void log(String format, Object... values) {
        System.out.printf("[bench] " + format + "%n", values);
    }
}
