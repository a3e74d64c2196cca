package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyMap;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.parkflow.engine.EveryUserTaskListenerPlugin;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mockito.ArgumentCaptor;

/**
 * The standard triggers on a real engine (in memory, no Spring): every user task of any process
 * mails its departments and its assignee with no listener in the model; {@code sendMail} reads
 * its inputs. The outbox itself is mocked here.
 */
class StandardTriggersTest {

    private static final Notifications notifications = mock(Notifications.class);
    private static final MailModel models = mock(MailModel.class);
    private static ProcessEngine engine = engine();

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder().useProcessEngine(engine).build();

    @BeforeEach
    void mocks() {
        reset(notifications, models);
        when(models.departmentName(anyString())).thenAnswer(call -> "部门" + call.getArgument(0));
        Mocks.register("sendMail", new SendMailDelegate(notifications, null, models));
    }

    @AfterEach
    void cleanUp() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
        engine.getRepositoryService().createDeploymentQuery().list()
                .forEach(deployment -> engine.getRepositoryService().deleteDeployment(deployment.getId(), true));
    }

    @Test
    void shouldMailTheDepartmentsOfEveryNewUserTaskWithoutAnyListenerInTheModel() {
        deploy(Bpmn.createExecutableProcess("anyProcess").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_Review").name("形式审查").camundaCandidateGroups("stc, amr").endEvent().done());

        engine.getRuntimeService().startProcessInstanceByKey("anyProcess", "INC-2026-0001");

        Task task = engine.getTaskService().createTaskQuery().singleResult();
        Map<String, Object> model = enqueued("task-created", "amr,stc", "task:" + task.getId() + ":created");
        assertThat(model).containsEntry("caseNumber", "INC-2026-0001").containsEntry("step", "形式审查")
                .containsEntry("taskId", task.getId()).containsEntry("routedTo", "部门amr、部门stc");
    }

    /** Five seats of a panel open together: one event, so each expert gets one mail (the outbox keeps one per key and person). */
    @Test
    void shouldNameTheSeatsOfAPanelOpenedTogetherAsOneEvent() {
        deploy(Bpmn.createExecutableProcess("panel").camundaHistoryTimeToLive(1).startEvent()
                .userTask("Task_DeclareConflictOfInterest").name("声明利益冲突").camundaCandidateGroups("experts")
                .multiInstance().cardinality("5").multiInstanceDone().endEvent().done());

        engine.getRuntimeService().startProcessInstanceByKey("panel", "INC-2026-0001");

        ArgumentCaptor<String> keys = ArgumentCaptor.forClass(String.class);
        verify(notifications, org.mockito.Mockito.times(5)).enqueue(eq("task-created"), eq("experts"), anyMap(), keys.capture());
        assertThat(keys.getAllValues()).hasSize(5).containsOnly(keys.getValue());
    }

    @Test
    void shouldMailTheAssigneeWhenSomeoneElseAssignsTheTask() {
        Task task = startWithTaskFor("stc");
        engine.getIdentityService().setAuthenticatedUserId("admin");

        engine.getTaskService().setAssignee(task.getId(), "stc-officer");

        assertThat(enqueued("task-assigned", "stc-officer", "task:" + task.getId() + ":assigned"))
                .containsEntry("caseNumber", "INC-2026-0001").containsEntry("taskId", task.getId());
    }

    @Test
    void shouldNotMailAnOfficerWhoClaimsTheTaskThemselves() {
        Task task = startWithTaskFor("stc");
        engine.getIdentityService().setAuthenticatedUserId("stc-officer");

        engine.getTaskService().claim(task.getId(), "stc-officer");

        verify(notifications, never()).enqueue(eq("task-assigned"), anyString(), anyMap(), anyString());
    }

    @Test
    void shouldMailTemplateToRecipientsFromASendTask() {
        deploy(Bpmn.createExecutableProcess("notifyApplicant").camundaHistoryTimeToLive(1).startEvent()
                .sendTask("SendTask_NotifyAccepted").name("通知申请人已受理").camundaDelegateExpression("${sendMail}")
                .camundaInputParameter("mailTemplate", "case-accepted")
                .camundaInputParameter("mailTo", "applicant1, stc")
                .camundaInputParameter("step", "形式审查")
                .endEvent().done());

        ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey("notifyApplicant",
                "INC-2026-0002", Map.of("outcome", "受理"));

        ArgumentCaptor<String> key = ArgumentCaptor.forClass(String.class);
        @SuppressWarnings("unchecked")
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifications).enqueue(eq("case-accepted"), eq("applicant1, stc"), model.capture(), key.capture());
        assertThat(model.getValue()).containsEntry("caseNumber", "INC-2026-0002").containsEntry("step", "形式审查")
                .containsEntry("outcome", "受理");
        assertThat(key.getValue()).startsWith(instance.getId() + ":SendTask_NotifyAccepted:").endsWith(":case-accepted");
    }

    @Test
    void shouldRefuseASendTaskWithoutRecipients() {
        deploy(Bpmn.createExecutableProcess("noRecipients").camundaHistoryTimeToLive(1).startEvent()
                .sendTask().camundaDelegateExpression("${sendMail}")
                .camundaInputParameter("mailTemplate", "decision").endEvent().done());

        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("noRecipients"))
                .hasMessageContaining("mailTo");
    }

    private Task startWithTaskFor(String group) {
        deploy(Bpmn.createExecutableProcess("simple").camundaHistoryTimeToLive(1).startEvent()
                .userTask().name("审核").camundaCandidateGroups(group).endEvent().done());
        engine.getRuntimeService().startProcessInstanceByKey("simple", "INC-2026-0001");
        reset(notifications);
        return engine.getTaskService().createTaskQuery().singleResult();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> enqueued(String template, String to, String key) {
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifications).enqueue(eq(template), eq(to), model.capture(), eq(key));
        return model.getValue();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> enqueuedStartingWith(String template, String to) {
        ArgumentCaptor<Map<String, Object>> model = ArgumentCaptor.forClass(Map.class);
        verify(notifications).enqueue(eq(template), eq(to), model.capture(), any());
        return model.getValue();
    }

    private static void deploy(BpmnModelInstance model) {
        engine.getRepositoryService().createDeployment().addModelInstance("model.bpmn", model).deploy();
    }

    private static ProcessEngine engine() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setJdbcUrl("jdbc:h2:mem:triggers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setJobExecutorActivate(false);
        configuration.setExpressionManager(new MockExpressionManager());
        configuration.setProcessEngineName("triggers-" + UUID.randomUUID());
        TaskNotifier taskNotifier = new TaskNotifier(notifications, models);
        configuration.getProcessEnginePlugins().add(EveryUserTaskListenerPlugin.of(taskNotifier));
        return configuration.buildProcessEngine();
    }
}
