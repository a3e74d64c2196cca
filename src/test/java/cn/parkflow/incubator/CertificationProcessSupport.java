package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.*;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.calendar.Workdays;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStageTracker;
import cn.parkflow.form.FormRules;
import cn.parkflow.form.StepAudit;
import cn.parkflow.support.Delegates;
import jakarta.validation.Validation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Engine tests of the incubator models: real delegates and listeners, the kernel (case file,
 * statutory clock, calendar, mail) as mocks or recording stand-ins, jobs run by the test.
 */
abstract class CertificationProcessSupport {

    static final String APPLICANT_USER = "applicant1";

    /** Each test class registers its own extension: one shared instance would mix up the classes' deployments. */
    static ProcessEngineExtension newEngineExtension() {
        return ProcessEngineExtension.builder().configurationResource("cn/parkflow/incubator/camunda.cfg.xml").build();
    }

    abstract ProcessEngineExtension extension();

    ProcessEngine engine;
    final CaseFile caseFile = mock(CaseFile.class);
    final DeclaredClocks clock = mock(DeclaredClocks.class);
    final OperatorBans bans = mock(OperatorBans.class);
    /** A call for applications is open unless a test says otherwise. */
    final ApplicationWindows windows = mock(ApplicationWindows.class);
    final CertificateRegister register = mock(CertificateRegister.class);
    final RecordingDelegate mail = new RecordingDelegate();
    final List<ExpertScore> savedScores = new ArrayList<>();
    final IncubatorProperties properties = new IncubatorProperties(5, 30, 3, 2, "supervision");
    int casesOpened;
    /** Case status as the mocked case file holds it. */
    final Map<String, String> statuses = new HashMap<>();

    @BeforeEach
    void wireKernelDoubles() {
        engine = extension().getProcessEngine();
        init(engine);
        ClockUtil.setCurrentTime(ShanghaiTime.at("2026-03-02T09:00:00"));
        when(caseFile.open(any(), anyString())).thenAnswer(call -> new CaseRecord("INC-2026-%04d".formatted(++casesOpened),
                "INC", "t", APPLICANT_USER, "o", "stc", "OPEN", null, null, null, null));
        when(caseFile.find(anyString())).thenAnswer(call -> Optional.of(caseFile.get(call.getArgument(0))));
        when(caseFile.get(anyString())).thenAnswer(call -> new CaseRecord(call.getArgument(0), "INC", "t", APPLICANT_USER,
                "o", "stc", statuses.getOrDefault(call.<String>getArgument(0), "OPEN"), null, null, null, null));
        doAnswer(call -> statuses.put(call.getArgument(0), call.getArgument(1))).when(caseFile)
                .changeStatus(anyString(), anyString(), anyString());
        when(bans.bannedUntil(anyString(), any())).thenReturn(Optional.empty());
        when(windows.refusalOn(any())).thenReturn(Optional.empty());
        when(register.issue(any(), any())).thenAnswer(call -> {
            Certificate draft = call.getArgument(0);
            LocalDate today = call.getArgument(1);
            return new Certificate(Certificate.formatNumber(today.getYear(), 1), draft.caseNumber(), draft.incubatorName(),
                    draft.operatorName(), draft.creditCode(), draft.track(), draft.address(), draft.area(), draft.applicantUser(), today,
                    today.plusYears(3).minusDays(1), Certificate.VALID, null);
        });
        ExpertScores scores = new ExpertScores(null) {
            @Override
            void save(String caseNumber, ExpertScore score) {
                savedScores.add(score);
            }

            @Override
            List<ExpertScore> list(String caseNumber) {
                return List.copyOf(savedScores);
            }
        };
        FormRules forms = new FormRules();
        Workdays workdays = new Workdays(WorkingDayCalendar.bundled());
        Mocks.register("workdays", workdays);
        Mocks.register("sendMail", mail);
        Mocks.register("incubatorApplicationIntake", new ApplicationIntake(caseFile, bans,
                Validation.buildDefaultValidatorFactory().getValidator(), properties, windows));
        IncubatorClock incubatorClock = new IncubatorClock(clock);
        Mocks.register("stepAudit", new StepAudit(caseFile, forms));
        Mocks.register("caseStageTracker", CaseStageTracker.of(caseFile, new IncubatorCaseStages()));
        ExpertPanel panel = new ExpertPanel(scores, caseFile);
        Mocks.register("expertPanel", panel);
        Mocks.register("incubatorFormat", new IncubatorFormat());
        AnnualEvaluationSteps annualSteps = new AnnualEvaluationSteps(register, caseFile, workdays, engine.getHistoryService());
        Mocks.register("annualEvaluationSteps", annualSteps);
        Delegates.register(new IncubatorDelegates(), incubatorClock, panel, new IncubatorCase(caseFile, incubatorClock),
                new IncubatorCertificates(register), annualSteps, new ChangeReportSteps(register, caseFile),
                new AnnualEvaluations(register, engine.getRuntimeService(), engine.getHistoryService()));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    /** A certificate in the register, held by {@link #APPLICANT_USER}. */
    static Certificate certificate(String number, LocalDate validFrom) {
        return new Certificate(number, "INC-2023-0007", "零号湾创新孵化器", "上海零号湾创业服务有限公司",
                validCreditCode("91310112MA1GB0000"), "HIGH_QUALITY", "上海市闵行区剑川路100号", 12000.0, APPLICANT_USER,
                validFrom, validFrom.plusYears(3).minusDays(1), Certificate.VALID, null);
    }

    /** An application that meets every threshold; block 大零号湾. */
    static Map<String, Object> application() {
        return ApplicationFixture.qualifying("91310112MA1GB0000");
    }

    static String validCreditCode(String first17) {
        return ApplicationFixture.creditCode(first17);
    }

    ProcessInstance start(Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT_USER);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(KEY, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Runs the async continuations (not timers) until the process waits again. */
    void runAsyncJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("async jobs keep coming");
    }

    /** Moves the clock to {@code when} and fires the timer of {@code activityId}. */
    void fireTimer(ProcessInstance instance, String activityId, Date when) {
        ClockUtil.setCurrentTime(when);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId(activityId).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runAsyncJobs();
    }

    Task openTask(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(key).list().get(0);
    }

    void completeTask(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
        Task task = openTask(instance, key);
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getTaskService().complete(task.getId(), variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
        runAsyncJobs();
    }

    ProcessInstance startAndAccept(Map<String, Object> variables) {
        ProcessInstance instance = start(variables);
        runAsyncJobs();
        completeTask(instance, TASK_FORMAL_CHECK, "stc-officer", Map.of("formalCheckResult", "COMPLETE"));
        return instance;
    }

    void confirmEligible(ProcessInstance instance) {
        completeTask(instance, TASK_CONFIRM_ELIGIBILITY, "stc-officer", Map.of("eligibilityDecision", "ELIGIBLE"));
    }

    /**
     * Five experts declare no conflict and score every dimension with {@code score}, the last one {@code lastScore}.
     * The seats are tasks of the called expert review, which shares the case number (business key).
     */
    void scoreByPanel(ProcessInstance instance, int score, int lastScore) {
        for (int i = 1; i <= 5; i++) {
            String expert = "expert" + i;
            Task declaration = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                    .taskDefinitionKey(TASK_DECLARE_CONFLICT).taskUnassigned().list().get(0);
            engine.getTaskService().claim(declaration.getId(), expert);
            engine.getTaskService().complete(declaration.getId(), Map.of("conflictDeclaration", "NO_CONFLICT"));
            Task scoring = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                    .taskDefinitionKey(TASK_SCORE).taskAssignee(expert).singleResult();
            int s = i == 5 ? lastScore : score;
            engine.getTaskService().complete(scoring.getId(), Map.of("scoreCapability", s, "scoreEffectiveness", s,
                    "scoreSustainability", s, "scoreInnovation", s, "expertComment", "服务体系完善，成效明显。"));
        }
        runAsyncJobs();
    }

    void inspectSite(ProcessInstance instance, String result, String discrepancies) {
        Map<String, Object> v = new HashMap<>(Map.of("inspectionDate", "2026-03-20", "verifiedArea", 11800,
                "verifiedIncubateeCount", 58, "siteInspectionResult", result));
        if (discrepancies != null) {
            v.put("siteDiscrepancies", discrepancies);
        }
        completeTask(instance, TASK_INSPECT_SITE, "stc-officer", v);
    }

    void decide(ProcessInstance instance, String decision, String reason) {
        Map<String, Object> v = new HashMap<>(Map.of("certificationDecision", decision));
        if (reason != null) {
            v.put("decisionReason", reason);
        }
        completeTask(instance, TASK_DECIDE, "supervisor", v);
    }

    Object variable(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
