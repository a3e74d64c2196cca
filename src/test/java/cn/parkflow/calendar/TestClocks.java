package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.department.DepartmentHeads;
import org.mockito.Mockito;
import cn.parkflow.support.Delegates;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The kernel's real statutory clocks for a process test on {@code ProcessEngineTest}: the clock
 * tables on an in-memory H2 (migrated once per name), the clock, its ties and its timer process
 * ({@code statutory-clock.bpmn}, deploy it with the test), registered under the application's
 * names. The case file stays the test's mock; {@link #openCase} writes the row the clock refers to.
 */
public final class TestClocks {

    private final JdbcClient jdbc;
    private final StatutoryClock clock;
    private final DeclaredClocks declared;

    private TestClocks(JdbcClient jdbc, StatutoryClock clock, DeclaredClocks declared) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.declared = declared;
    }

    /** Clocks on database {@code name} (emptied first), for {@code declarations}, registered in the engine's {@code Mocks}. */
    public static TestClocks register(String name, ProcessEngine engine, CaseFile caseFile,
                                      List<ClockDeclaration> declarations) {
        return register(name, engine, caseFile, declarations, Mockito.mock(DepartmentHeads.class));
    }

    /** As above, with the department heads an extension approved by the head is assigned to. */
    public static TestClocks register(String name, ProcessEngine engine, CaseFile caseFile,
                                      List<ClockDeclaration> declarations, DepartmentHeads heads) {
        JdbcDataSource tables = new JdbcDataSource();
        tables.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(tables).locations("classpath:db/migration").load().migrate();
        JdbcClient jdbc = JdbcClient.create(tables);
        for (String table : List.of("statutory_clock_tie", "statutory_clock_pause", "statutory_clock_extension",
                "statutory_clock")) {
            jdbc.sql("DELETE FROM " + table).update();
        }
        ClockRepository repository = new ClockRepository(jdbc);
        WorkingDayCalendar calendar = WorkingDayCalendar.bundled();
        ClockTies ties = new ClockTies((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration(),
                engine.getManagementService(), engine.getTaskService(), calendar, repository,
                new DataSourceTransactionManager(tables));
        ClockTimers timers = new ClockTimers(engine.getRuntimeService(), engine.getIdentityService());
        StatutoryClock clock = new StatutoryClock(repository, ties, timers, caseFile, calendar, Optional.empty());
        DeclaredClocks declared = new DeclaredClocks(declarations, clock, timers);
        Mocks.register("statutoryClock", clock);
        StatutoryClockSteps steps = new StatutoryClockSteps(clock, caseFile, heads);
        Mocks.register("statutoryClockSteps", steps);
        Delegates.register(new StatutoryClockDelegates(), steps);
        return new TestClocks(jdbc, clock, declared);
    }

    /** The case row the clock tables refer to. */
    public void openCase(String caseNumber) {
        if (jdbc.sql("SELECT COUNT(*) FROM case_record WHERE case_number = ?").param(caseNumber).query(Integer.class)
                .single() == 0) {
            jdbc.sql("INSERT INTO case_record (case_number, case_type, title, department, status, opened_at) "
                    + "VALUES (?, 'IP', '测试案件', 'ip-station', 'OPEN', CURRENT_TIMESTAMP)").param(caseNumber).update();
        }
    }

    public StatutoryClock clock() {
        return clock;
    }

    public DeclaredClocks declared() {
        return declared;
    }
}
