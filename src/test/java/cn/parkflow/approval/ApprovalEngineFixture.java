package cn.parkflow.approval;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import cn.parkflow.casefile.CaseStages;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.form.FormRules;
import cn.parkflow.notification.Notifications;
import cn.parkflow.security.CurrentUser;
import cn.parkflow.support.ProcessEngineTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The approval actions on the in-memory engine, with {@code approval-fixture.bpmn}: the kernel's
 * services built by hand over the test's mocked case file, action log and notifications.
 */
@Deployment(resources = "bpmn/approval-fixture.bpmn")
abstract class ApprovalEngineFixture extends ProcessEngineTest {

    static final String KEY = "approval-fixture";
    static final CurrentUser OFFICER = new CurrentUser("stc-officer", Set.of("stc"));
    static final CurrentUser COLLEAGUE = new CurrentUser("stc-head", Set.of("stc"));
    static final CurrentUser OTHER_DEPARTMENT = new CurrentUser("amr-officer", Set.of("amr"));
    static final CurrentUser APPLICANT = new CurrentUser("applicant1", Set.of("applicants"));
    static final CurrentUser SUPERVISOR = new CurrentUser("supervisor", Set.of("supervision"));
    static final CurrentUser EXPERT = new CurrentUser("expert1", Set.of("experts"));

    final ActionLog actionLog = mock(ActionLog.class);
    final Notifications notifications = mock(Notifications.class);
    final DepartmentDirectory departments = mock(DepartmentDirectory.class);
    /** The clock pauses the fixture's 补正 entry ran, by case number. */
    final List<String> clockPauses = new ArrayList<>();

    AsServer asServer;
    Tasks tasks;
    ActionRecords records;
    Colleagues colleagues;

    @Override
    protected CaseStages caseStages() {
        return new CaseStages() {
            @Override
            public Set<String> processKeys() {
                return Set.of(KEY);
            }

            @Override
            public Map<String, String> byStep() {
                return Map.of();
            }
        };
    }

    @Override
    protected void wireProcess() {
        Mocks.register("pauseClock", (JavaDelegate) execution -> clockPauses.add(execution.getProcessBusinessKey()));
        Mocks.register("approvalOpinions", new OpinionRecorder(caseFile, new FormRules()));
        Mocks.register("pendingRequests", new PendingRequests());
        when(departments.exists(anyString())).thenAnswer(call -> Set.of("stc", "amr", "supervision")
                .contains(call.<String>getArgument(0)));
        asServer = new AsServer(engine);
        tasks = new Tasks(engine.getTaskService(), engine.getRuntimeService(), engine.getHistoryService(),
                engine.getRepositoryService(), asServer);
        records = new ActionRecords(actionLog, caseFile, notifications);
        colleagues = new Colleagues(engine.getIdentityService(), departments, asServer);
        for (CurrentUser user : List.of(OFFICER, COLLEAGUE, OTHER_DEPARTMENT, APPLICANT, SUPERVISOR, EXPERT)) {
            ensureUser(user);
        }
    }

    void ensureUser(CurrentUser user) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createUserQuery().userId(user.id()).count() == 0) {
            identity.saveUser(identity.newUser(user.id()));
        }
        for (String group : user.groups()) {
            if (identity.createGroupQuery().groupId(group).count() == 0) {
                identity.saveGroup(identity.newGroup(group));
            }
            if (identity.createGroupQuery().groupMember(user.id()).groupId(group).count() == 0) {
                identity.createMembership(user.id(), group);
            }
        }
    }

    ProcessInstance startCase(String number) {
        engine.getIdentityService().setAuthenticatedUserId(APPLICANT.id());
        try {
            return engine.getRuntimeService().startProcessInstanceByKey(KEY, number, Map.of());
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }

    /** The case with its draft done by the officer: the review waits, unclaimed. */
    ProcessInstance caseUnderReview(String number) {
        ProcessInstance instance = startCase(number);
        completeTask(instance, "Task_Draft", OFFICER.id(), Map.of());
        return instance;
    }

    Task task(ProcessInstance instance, String stepId) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(stepId).singleResult();
    }

    List<String> openSteps(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).list().stream()
                .map(Task::getTaskDefinitionKey).sorted().toList();
    }

    void claim(Task task, String user) {
        engine.getTaskService().claim(task.getId(), user);
    }

    /** Runs as the caller would: logged in, as the REST filter leaves it. */
    void as(CurrentUser user, Runnable action) {
        engine.getIdentityService().setAuthentication(user.id(), List.copyOf(user.groups()));
        try {
            action.run();
        } finally {
            engine.getIdentityService().clearAuthentication();
        }
    }
}
