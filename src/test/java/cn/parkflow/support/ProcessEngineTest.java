package cn.parkflow.support;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.Workdays;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseInvolvementTracker;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStageTracker;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.FormRules;
import cn.parkflow.form.StepAudit;
import cn.parkflow.form.SubmissionRules;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
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
 * What every process test needs, once: an in-memory engine with the kernel's plugins (form checks,
 * stage and audit of every step), a controlled clock in Asia/Shanghai, the working-day calendar,
 * a mail recorder in place of {@code sendMail}, and the case file as a mock that numbers cases and
 * keeps their status; the departments each task is routed to are recorded as involved in the case. A process test adds its own services and delegates in {@link #wireProcess()}
 * and shows only its scenario.
 *
 * <pre>{@code
 * class IpCaseProcessTest extends ProcessEngineTest {
 *     @RegisterExtension static ProcessEngineExtension extension = newEngineExtension();
 *     ProcessEngineExtension extension() { return extension; }
 *     CaseStages caseStages() { return new IpCaseStages(); }
 *     void wireProcess() { Delegates.register(new IpCaseDelegates(), new IpCases(caseFile)); }
 * }
 * }</pre>
 */
public abstract class ProcessEngineTest {

    /** Each test class registers its own extension; the engine behind them is one. */
    protected static ProcessEngineExtension newEngineExtension() {
        return ProcessEngineExtension.builder().configurationResource("cn/parkflow/support/camunda.cfg.xml").build();
    }

    /** A moment written as Shanghai local time: {@code at("2026-10-09T17:30:00")}. */
    public static Date at(String isoLocalDateTime) {
        return Date.from(LocalDateTime.parse(isoLocalDateTime).atZone(EngineClock.ZONE).toInstant());
    }

    protected ProcessEngine engine;
    protected final CaseFile caseFile = mock(CaseFile.class);
    protected final MailRecorder mail = new MailRecorder();
    protected final Workdays workdays = new Workdays(WorkingDayCalendar.bundled());
    /** Case status as the mocked case file holds it. */
    protected final Map<String, String> statuses = new HashMap<>();
    private final AtomicInteger casesOpened = new AtomicInteger();

    protected abstract ProcessEngineExtension extension();

    /** The stages of the process under test, for the kernel's stage tracker. */
    protected abstract CaseStages caseStages();

    /** The process's conditional form rules; none by default. */
    protected SubmissionRules submissionRules() {
        return null;
    }

    /** Registers the process's own services and delegates, e.g. with {@link Delegates#register}. */
    protected abstract void wireProcess();

    /** When each test starts, Shanghai time. */
    protected String startTime() {
        return "2026-03-02T09:00:00";
    }

    @BeforeEach
    void wireTheKernel() {
        engine = extension().getProcessEngine();
        init(engine);
        ClockUtil.setCurrentTime(at(startTime()));
        when(caseFile.open(any(), anyString())).thenAnswer(call -> {
            NewCase opened = call.getArgument(0);
            String number = "%s-%d-%04d".formatted(opened.type(), EngineClock.today().getYear(), casesOpened.incrementAndGet());
            return record(number, opened.type(), opened.applicantUser());
        });
        when(caseFile.get(anyString())).thenAnswer(call -> record(call.getArgument(0), null, null));
        when(caseFile.find(anyString())).thenAnswer(call -> Optional.of(caseFile.get(call.getArgument(0))));
        when(caseFile.exists(anyString())).thenReturn(true);
        when(caseFile.applicantName(anyString())).thenAnswer(call -> Optional.of(caseFile.get(call.getArgument(0)).applicantOrganisation()));
        doAnswer(call -> statuses.put(call.getArgument(0), call.getArgument(1))).when(caseFile)
                .changeStatus(anyString(), anyString(), anyString());
        Mocks.register("workdays", workdays);
        Mocks.register("sendMail", mail);
        Mocks.register("stepAudit", new StepAudit(caseFile, new FormRules()));
        Mocks.register("caseStageTracker", CaseStageTracker.of(caseFile, caseStages()));
        Mocks.register("caseInvolvement", CaseInvolvementTracker.of(caseFile));
        Mocks.register(MockedSubmissionRules.NAME, submissionRules());
        wireProcess();
    }

    /** The case as the mocked file holds it; type and applicant from the number where not given. */
    protected CaseRecord record(String number, String type, String applicantUser) {
        return new CaseRecord(number, type != null ? type : number.substring(0, number.indexOf('-')), "t",
                applicantUser != null ? applicantUser : "applicant1", "o", "stc", statuses.getOrDefault(number, "OPEN"),
                null, null, null, null);
    }

    @AfterEach
    void resetTheKernel() {
        Mocks.reset();
        ClockUtil.reset();
        engine.getIdentityService().clearAuthentication();
    }

    protected ProcessInstance start(String processKey, String user, Map<String, Object> variables) {
        engine.getIdentityService().setAuthenticatedUserId(user);
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(processKey, variables);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** Runs the async continuations (not timers) until the processes wait again. */
    protected void runAsyncJobs() {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = engine.getManagementService().createJobQuery().messages().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
        }
        throw new AssertionError("async jobs keep coming");
    }

    /** Moves the clock to {@code when} and fires the timer of {@code activityId} in the case of {@code instance}. */
    protected void fireTimer(ProcessInstance instance, String activityId, Date when) {
        ClockUtil.setCurrentTime(when);
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .timers().activityId(activityId).singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runAsyncJobs();
    }

    /** The first open task of step {@code key} in the case of {@code instance}, sub-processes included. */
    protected Task openTask(ProcessInstance instance, String key) {
        return engine.getTaskService().createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(key).list().get(0);
    }

    /** {@code user} claims the task of step {@code key} if nobody holds it and completes it. */
    protected void completeTask(ProcessInstance instance, String key, String user, Map<String, Object> variables) {
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

    /** The last value of a variable of the instance, also after it ended. */
    protected Object variable(ProcessInstance instance, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(instance.getId())
                .variableName(name).singleResult().getValue();
    }
}
