package cn.parkflow.keytask;

import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.casefile.NumberSeries;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.DepartmentHeads;
import cn.parkflow.figure.FigureSource;
import cn.parkflow.form.SubmissionRules;
import cn.parkflow.support.Delegates;
import cn.parkflow.support.ProcessEngineTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Engine tests of the key-task models: the kit's engine, clock, case file and mail recorder with
 * the key-task's real delegates, rules and registers (their SQL on H2), the department directory,
 * heads, number series and the incubator register's figures as doubles.
 */
abstract class KeyTaskProcessSupport extends ProcessEngineTest {

    static final Set<String> DEPARTMENTS = Set.of("stc", "supervision", "amr", "zerobay", "econ", "drc", "commerce", "hrss",
            "finance", "planning", "stats", "health", "sjtu-tto", "ecnu-tto", "xinzhuang", "mhedz");

    final KeyTaskProperties properties = KeyTaskProperties.defaults();
    final ReportSchedule schedule = new ReportSchedule(WorkingDayCalendar.bundled(), properties);
    final DepartmentHeads heads = mock(DepartmentHeads.class);
    final FigureSource incubatorFigures = mock(FigureSource.class);
    private final AtomicInteger noticeNumbers = new AtomicInteger();
    JdbcClient jdbc;
    KeyTaskRegister register;
    IndicatorCatalogue indicators;
    ListUpload lists;

    @Override
    protected CaseStages caseStages() {
        return new KeyTaskCaseStages();
    }

    @Override
    protected SubmissionRules submissionRules() {
        return new KeyTaskSubmissionRules();
    }

    @Override
    protected void wireProcess() {
        jdbc = KeyTaskDatabase.fresh();
        register = new KeyTaskRegister(jdbc);
        when(incubatorFigures.codes()).thenReturn(Set.of("HIGH_QUALITY_INCUBATORS", "UPGRADED_INCUBATORS"));
        when(incubatorFigures.valueFor(anyString(), anyInt())).thenReturn(BigDecimal.ONE);
        indicators = new IndicatorCatalogue(jdbc, List.of(incubatorFigures));
        DepartmentDirectory directory = mock(DepartmentDirectory.class);
        when(directory.exists(anyString())).thenAnswer(call -> DEPARTMENTS.contains(call.<String>getArgument(0)));
        when(directory.find(anyString())).thenAnswer(call -> Optional.of(new Department(call.getArgument(0),
                "部门" + call.getArgument(0), call.getArgument(0) + "@parkflow.example")));
        lists = new ListUpload(new ListRows(directory));
        when(heads.mailToHead(anyString())).thenAnswer(call -> call.getArgument(0) + "-head");
        NumberSeries numbers = mock(NumberSeries.class);
        when(numbers.next(anyString(), anyInt())).thenAnswer(call -> noticeNumbers.incrementAndGet());
        KeyTaskSteps steps = new KeyTaskSteps(register, caseFile, schedule, new ColourRules(schedule), directory);
        AnnualListSteps listSteps = new AnnualListSteps(register, indicators, lists, caseFile, schedule, properties);
        SupervisionSteps supervision = new SupervisionSteps(register, caseFile, numbers, heads, directory, workdays, properties);
        Mocks.register("keyTaskSteps", steps);
        Mocks.register("keyTaskRegister", register);
        Mocks.register("indicatorCatalogue", indicators);
        Mocks.register("annualListSteps", listSteps);
        AssessmentPanel panel = new AssessmentPanel(jdbc, properties);
        Mocks.register("assessmentPanel", panel);
        Delegates.register(new KeyTaskDelegates(), steps, listSteps, supervision, panel, new BlockSelfAssessments(jdbc));
    }

    /** The seed plan's 17 tasks as the approved list of {@code year}, with the year's indicators. */
    void approvedSeedList(int year) {
        register.saveDraft(year, lists.seed(year));
        register.approve(year, at(year + "-03-02T09:00:00").toInstant());
        indicators.ensureYear(year);
    }

    /** Starts the tracked item {@code number} of {@code year} as the list's call activity does: waiting for 签收. */
    ProcessInstance assignedItem(int year, int number) {
        ProcessInstance instance = start(KeyTaskProcess.KEY, "system", Map.of("year", year, "taskNumber", number));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance.getId()).singleResult();
    }

    /** The item {@code number} of {@code year}, assigned and acknowledged by its lead department: its plan is due. */
    ProcessInstance startItem(int year, int number) {
        ProcessInstance instance = assignedItem(year, number);
        Task acknowledge = openTask(instance, KeyTaskProcess.TASK_ACKNOWLEDGE);
        String officer = engine.getTaskService().getIdentityLinksForTask(acknowledge.getId()).stream()
                .filter(link -> link.getGroupId() != null).findFirst().orElseThrow().getGroupId() + "-officer";
        completeTask(instance, KeyTaskProcess.TASK_ACKNOWLEDGE, officer, ACKNOWLEDGEMENT);
        return instance;
    }

    static final Map<String, Object> ACKNOWLEDGEMENT = Map.of("assignmentAcknowledged", true, "liaison", "王联络");

    /** The lead department's plan is accepted at once: the item is being tracked. */
    ProcessInstance trackedItem(int year, int number, String leadOfficer) {
        ProcessInstance instance = startItem(year, number);
        completeTask(instance, KeyTaskProcess.TASK_SUBMIT_PLAN, leadOfficer,
                Map.of("planSummary", "目标分解到季度，明确措施和责任人，按季度报送进展。"));
        completeTask(instance, KeyTaskProcess.TASK_REVIEW_PLAN, "stc-officer", Map.of("planDecision", "ACCEPT"));
        return instance;
    }

    Map<String, Object> report(int percent) {
        return Map.of("percentDone", percent, "progressSummary", "按计划推进，已完成阶段性工作并附佐证材料。", "problems", "暂无");
    }

    List<Task> openTasks(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(key).list();
    }

    /** Experts of the pool ({@code experts} group), as the application's expert accounts. */
    void expertsInPool(String... ids) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId("experts").count() == 0) {
            identity.saveGroup(identity.newGroup("experts"));
        }
        for (String id : ids) {
            if (identity.createUserQuery().userId(id).count() == 0) {
                identity.saveUser(identity.newUser(id));
                identity.createMembership(id, "experts");
            }
        }
    }

    KeyTaskItem item(int year, int number) {
        return register.item(year, number);
    }

    static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }
}
