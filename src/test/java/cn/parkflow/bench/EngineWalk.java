package cn.parkflow.bench;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.calendar.Workdays;
import com.zaxxer.hikari.HikariDataSource;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionOperations;

/**
 * S1: the 8-task case of {@code bench/bench-incubator.bpmn} walked through the engine's Java API,
 * start to end, one case after another: start with the applicant's answers, then each open task
 * completed by an officer of its department (authenticated as the Tasklist would be). The same walk
 * runs on Parkflow's engine (kernel plugins and listeners, authorization on, case opened in the
 * case file first, as the incubator's start does) and on a bare engine of the same Camunda version
 * with the Spring Boot starter's defaults (Spring-managed transactions, history full, strong UUIDs,
 * authorization off) on a second database of the same PostgreSQL server.
 */
final class EngineWalk {

    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Milliseconds the JIT compilers spent (on their own threads) during the last walk. */
    long compileMillis;
    /** CPU milliseconds of the walking thread per case during the last walk (the host's other load barely moves it). */
    double cpuMillisPerCase;

    static final String PROCESS = "bench-incubator";
    static final String DEPARTMENT_TASK = "bench-department-task";
    /** Each task's department; the site inspection goes where the routing decision sends 莘庄. */
    private static final Map<String, String> DEPARTMENT = Map.of(
            "Task_CheckApplicationFormally", "stc", "Task_ReviewAsEconomy", "econ", "Task_ReviewAsDevelopment", "drc",
            "Task_ReviewAsCommerce", "commerce", "Task_ReviewAsLabour", "hrss", "Task_ReviewAsFinance", "finance",
            "Task_InspectSite", "xinzhuang", "Task_DecideCertification", "supervision");

    private final ProcessEngine engine;
    private final IntFunction<String> caseOpener;
    private final TransactionOperations startTransaction;
    /** Per call, in milliseconds, of the latest {@link #walk}. */
    final List<Double> startMillis = new ArrayList<>();
    final List<Double> completeMillis = new ArrayList<>();

    /**
     * @param caseOpener       opens the case of the i-th walk and returns its number (the business key)
     * @param startTransaction the transaction in which the case is opened and its process started
     */
    EngineWalk(ProcessEngine engine, IntFunction<String> caseOpener, TransactionOperations startTransaction) {
        this.engine = engine;
        this.caseOpener = caseOpener;
        this.startTransaction = startTransaction;
        deploy(engine);
    }

    static void deploy(ProcessEngine engine) {
        engine.getRepositoryService().createDeployment().name("bench").enableDuplicateFiltering(true)
                .addClasspathResource("bench/bench-incubator.bpmn")
                .addClasspathResource("bench/bench-site-inspection-routing.dmn").deploy();
    }

    /**
     * The plain engine on its own pool, as Camunda's Spring Boot starter builds it: a Spring process
     * engine configuration whose commands run in Spring-managed transactions on the pool. With
     * {@code standalone}, the engine manages its own transactions instead (no Spring at all).
     */
    static ProcessEngine bareEngine(String jdbcUrl, boolean standalone) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(jdbcUrl);
        pool.setUsername("postgres");
        pool.setPassword("");
        ProcessEngineConfigurationImpl configuration;
        if (standalone) {
            configuration = new StandaloneProcessEngineConfiguration();
            configuration.setDataSource(pool);
        } else {
            SpringProcessEngineConfiguration spring = new SpringProcessEngineConfiguration();
            spring.setDataSource(pool);
            spring.setTransactionManager(new DataSourceTransactionManager(pool));
            configuration = spring;
        }
        configuration.setProcessEngineName(standalone ? "bare-standalone" : "bare");
        configuration.setDatabaseSchemaUpdate("true");
        configuration.setHistory("full");
        configuration.setIdGenerator(new StrongUuidGenerator());
        configuration.setJobExecutorActivate(false);
        configuration.setJdbcBatchProcessing(true);
        configuration.setBeans(Map.of("workdays", new Workdays(WorkingDayCalendar.bundled())));
        return configuration.buildProcessEngine();
    }

    /** Walks {@code cases} cases; returns cases per second. */
    double walk(int first, int cases) {
        startMillis.clear();
        completeMillis.clear();
        long compiling = JIT.getTotalCompilationTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        long begin = System.nanoTime();
        for (int i = first; i < first + cases; i++) {
            walkOne(i);
        }
        double rate = cases / ((System.nanoTime() - begin) / 1e9);
        compileMillis = JIT.getTotalCompilationTime() - compiling;
        cpuMillisPerCase = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / cases;
        return rate;
    }

    private void walkOne(int i) {
        RuntimeService runtime = engine.getRuntimeService();
        TaskService tasks = engine.getTaskService();
        IdentityService identity = engine.getIdentityService();
        long t0 = System.nanoTime();
        String instance = startTransaction.execute(status -> runtime.startProcessInstanceByKey(PROCESS, caseOpener.apply(i),
                Map.of("area", "莘庄", "applicantName", "上海闵行创新孵化器有限公司", "area_m2", 2600)).getId());
        startMillis.add((System.nanoTime() - t0) / 1e6);
        for (List<Task> open = tasks.createTaskQuery().processInstanceId(instance).list(); !open.isEmpty();
             open = tasks.createTaskQuery().processInstanceId(instance).list()) {
            for (Task task : open) {
                String department = DEPARTMENT.get(task.getTaskDefinitionKey());
                identity.setAuthentication("bench-" + department, List.of(department));
                long t1 = System.nanoTime();
                try {
                    tasks.complete(task.getId(), Map.of("opinion", "同意", "score", 86));
                } finally {
                    identity.clearAuthentication();
                }
                completeMillis.add((System.nanoTime() - t1) / 1e6);
            }
        }
    }
}
