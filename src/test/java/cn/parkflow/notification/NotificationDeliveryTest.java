package cn.parkflow.notification;

import static cn.parkflow.notification.TestMailServer.GATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NewCase;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The whole path on the running application: case work writes the outbox in the engine's
 * transaction, the relay delivers to a real SMTP server (GreenMail behind a switchable gate).
 * H2 in memory keeps this context's outbox and jobs its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.datasource.url=jdbc:h2:mem:notification-delivery;DB_CLOSE_ON_EXIT=FALSE")
@Tag("application")
@Tag("isolated") // a JVM of its own: its own H2, SMTP gate and links: a configuration of its own
class NotificationDeliveryTest {

    private static final String PROCESS = "notificationDeliveryTest";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @DynamicPropertySource
    static void mail(DynamicPropertyRegistry registry) {
        TestMailServer.register(registry);
    }

    @Autowired CaseFile caseFile;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired RepositoryService repositoryService;
    @Autowired ManagementService managementService;
    @Autowired OutboxRepository outbox;
    @Autowired NotificationRelay relay;
    @Autowired TestRestTemplate rest;
    @Autowired Notifications notifications;
    @Autowired IdentityService identityService;
    @Autowired TransactionTemplate transactions;

    @BeforeEach
    void deploy() {
        GATE.mode(SmtpGate.Mode.FORWARD);
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repositoryService.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent()
                    .sendTask("SendTask_NotifyAccepted").name("通知申请人已受理").camundaAsyncBefore()
                    .camundaDelegateExpression("${sendMail}")
                    .camundaInputParameter("mailTemplate", "case-accepted")
                    .camundaInputParameter("mailTo", "${applicant}")
                    .camundaInputParameter("step", "形式审查")
                    .serviceTask("Task_FailOnce").camundaClass(FailOnce.class.getName())
                    .userTask("Task_Review").name("形式审查").camundaCandidateGroups("stc")
                    .endEvent().done()).deploy();
        }
    }

    @AfterEach
    void reopen() {
        GATE.mode(SmtpGate.Mode.FORWARD);
    }

    @Test
    void shouldMailTheDepartmentAndTheApplicantInChineseWithLinks() throws Exception {
        String number = openCase();

        startProcess(number, false);

        List<MimeMessage> mails = awaitMails(number, 2);
        Task task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
        MimeMessage toDepartment = mailTo(mails, "stc@parkflow.example");
        assertThat(toDepartment.getSubject()).isEqualTo("【园区案件】待办任务：形式审查（" + number + "）");
        String text = DemoMailCatcher.part(toDepartment, "text/plain");
        assertThat(text).contains("案件 " + number + "「高质量孵化器认定申请」", "已分派至区科委（园区管理办公室）",
                "办理环节：形式审查", "办理期限：2026年3月9日 17:30",
                "https://parkflow.test/camunda/app/tasklist/default/#/?task=" + task.getId());
        assertThat(DemoMailCatcher.part(toDepartment, "text/html"))
                .contains("href=\"https://parkflow.test/camunda/app/tasklist/default/#/?task=" + task.getId() + "\"");

        MimeMessage toApplicant = mailTo(mails, "applicant1@parkflow.example");
        assertThat(toApplicant.getSubject()).isEqualTo("【园区案件】您的申请已受理（" + number + "）");
        assertThat(DemoMailCatcher.part(toApplicant, "text/plain"))
                .contains("承办部门：区科委（园区管理办公室）", "https://parkflow.test/portal/cases/" + number);
    }

    @Test
    void shouldMailOnceWhenTheJobThatCausedTheMailIsRetried() {
        String number = openCase();

        String instance = startProcess(number, true);

        awaitMails(number, 2);
        assertThat(FailOnce.calls(instance)).as("the job failed once and ran again").isEqualTo(2);
        assertThat(TestMailServer.about(number)).extracting(TestMailServer::to)
                .containsExactlyInAnyOrder("applicant1@parkflow.example", "stc@parkflow.example");
        assertThat(outbox.list(null, number, 0, 10)).hasSize(2);
    }

    @Test
    void shouldKeepCaseWorkGoingWhileTheMailServerIsDownAndSendOnceItIsBack() {
        GATE.mode(SmtpGate.Mode.DOWN);
        String number = openCase();

        startProcess(number, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(taskService.createTaskQuery()
                .processInstanceBusinessKey(number).taskDefinitionKey("Task_Review").count()).isEqualTo(1));
        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.list(null, number, 0, 10)).hasSize(2)
                .allSatisfy(entry -> {
                    assertThat(entry.status()).isEqualTo(NotificationStatus.PENDING);
                    assertThat(entry.lastError()).contains("发送失败");
                }));
        assertThat(TestMailServer.about(number)).isEmpty();
        assertThat(runtimeService.createIncidentQuery().count()).isZero();

        GATE.mode(SmtpGate.Mode.FORWARD);

        awaitMails(number, 2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.list(NotificationStatus.SENT, number, 0, 10)).hasSize(2));
        assertThat(TestMailServer.about(number)).hasSize(2);
    }

    @Test
    void shouldTimeOutOnASilentServerWhileJobsAndNotificationsKeepFlowing() {
        GATE.mode(SmtpGate.Mode.SILENT);
        String first = openCase();
        startProcess(first, false);
        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.list(null, first, 0, 10))
                .anySatisfy(entry -> assertThat(entry.lastError()).containsIgnoringCase("timed out")));

        String second = openCase();
        startProcess(second, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(taskService.createTaskQuery()
                .processInstanceBusinessKey(second).taskDefinitionKey("Task_Review").count()).isEqualTo(1));
        assertThat(outbox.list(null, second, 0, 10)).hasSize(2);
        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.list(null, first, 0, 10))
                .allSatisfy(entry -> assertThat(entry.attempts()).isGreaterThanOrEqualTo(1)));
        assertThat(TestMailServer.about(first)).isEmpty();

        GATE.mode(SmtpGate.Mode.FORWARD);

        awaitMails(first, 2);
        awaitMails(second, 2);
    }

    @Test
    void shouldFailARejectedAddressOnceWithTheReasonAndLetAnAdminRetryIt() {
        GATE.mode(SmtpGate.Mode.REJECT);
        String number = openCase();
        startProcess(number, false);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outbox.list(NotificationStatus.FAILED, number, 0, 10))
                .hasSize(2).allSatisfy(entry -> {
                    assertThat(entry.attempts()).isEqualTo(1);
                    assertThat(entry.lastError()).contains("550 5.1.1").contains("User unknown");
                }));
        relay.deliverDue();
        relay.deliverDue();
        assertThat(outbox.list(NotificationStatus.FAILED, number, 0, 10))
                .as("no endless retries").allSatisfy(entry -> assertThat(entry.attempts()).isEqualTo(1));

        ResponseEntity<NotificationView[]> failed = rest.withBasicAuth("admin", "admin")
                .getForEntity("/api/admin/notifications?status=FAILED&caseNumber=" + number, NotificationView[].class);
        assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(failed.getBody()).hasSize(2);

        GATE.mode(SmtpGate.Mode.FORWARD);
        long id = failed.getBody()[0].id();
        ResponseEntity<NotificationView> retried = rest.withBasicAuth("admin", "admin")
                .postForEntity("/api/admin/notifications/" + id + "/retry", null, NotificationView.class);

        assertThat(retried.getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(outbox.find(id).orElseThrow().status()).isEqualTo(NotificationStatus.SENT));
        assertThat(TestMailServer.about(number)).hasSize(1);
        assertThat(rest.withBasicAuth("admin", "admin").postForEntity("/api/admin/notifications/" + id + "/retry",
                null, String.class).getStatusCode()).as("only FAILED ones").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void shouldLetOnlyAdminsSeeNotificationsAndNameABadStatus() {
        assertThat(rest.withBasicAuth("stc-officer", "stc-officer")
                .getForEntity("/api/admin/notifications", String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> bad = rest.withBasicAuth("admin", "admin")
                .getForEntity("/api/admin/notifications?status=LOST", String.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getBody()).contains("status");
        assertThat(rest.withBasicAuth("admin", "admin").getForEntity("/api/admin/demo-mail", String.class)
                .getStatusCode()).as("a real mail server is configured").isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void shouldResolveDepartmentsUsersAndGroupsAndRecordAnUnknownRecipientAsFailed() {
        String number = openCase();
        User withoutEmail = identityService.newUser("nomail-" + number.toLowerCase().replace("-", ""));
        identityService.saveUser(withoutEmail);

        int written = notifications.enqueue("decision", "stc, applicant1, experts, " + withoutEmail.getId()
                + ", no-such-user, applicants", Map.of(Notifications.CASE_NUMBER, number, "outcome", "准予认定"),
                number + ":decision");

        assertThat(written).as("stc, applicant1, expert1..7, and two unresolvable").isEqualTo(11);
        List<String> expected = List.of("stc@parkflow.example", "applicant1@parkflow.example", "expert1@parkflow.example",
                "expert2@parkflow.example", "expert3@parkflow.example", "expert4@parkflow.example", "expert5@parkflow.example",
                "expert6@parkflow.example", "expert7@parkflow.example");
        awaitMails(number, expected.size());
        assertThat(TestMailServer.about(number)).extracting(TestMailServer::to).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(outbox.list(NotificationStatus.FAILED, number, 0, 10)).extracting(OutboxEntry::recipient,
                entry -> entry.lastError().substring(0, 4)).containsExactlyInAnyOrder(
                tuple("no-such-user", "未知的收"), tuple("applicants", "不向申请"));
    }

    @Test
    void shouldWriteTheSameEventOnceAndNothingWhenTheCaseWorkRollsBack() {
        String number = openCase();
        Map<String, Object> model = Map.of(Notifications.CASE_NUMBER, number, "outcome", "办结");

        assertThat(notifications.enqueue("case-closed", "applicant1", model, number + ":closed")).isEqualTo(1);
        assertThat(notifications.enqueue("case-closed", "applicant1", model, number + ":closed")).isZero();
        assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
            notifications.enqueue("decision", "applicant1", model, number + ":decision");
            throw new IllegalStateException("case work failed");
        })).hasMessage("case work failed");

        awaitMails(number, 1);
        assertThat(outbox.list(null, number, 0, 10)).extracting(OutboxEntry::template).containsExactly("case-closed");
    }

    private String openCase() {
        CaseRecord record = caseFile.open(new NewCase("INC", "高质量孵化器认定申请", "applicant1", "闵行创新孵化器", "stc"),
                "applicant1");
        Instant deadline = Instant.parse("2026-03-09T09:30:00Z");
        caseFile.updateDeadline(record.number(), new CaseRecord.Deadline(deadline, 0, deadline, false), "system",
                "DEADLINE_STARTED", "5 个工作日");
        return record.number();
    }

    private String startProcess(String number, boolean failOnce) {
        return runtimeService.startProcessInstanceByKey(PROCESS, number,
                Map.of("applicant", "applicant1", FailOnce.VARIABLE, failOnce)).getId();
    }

    private static List<MimeMessage> awaitMails(String number, int count) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(TestMailServer.about(number)).hasSize(count));
        return TestMailServer.about(number);
    }

    private static MimeMessage mailTo(List<MimeMessage> mails, String address) {
        return mails.stream().filter(mail -> TestMailServer.to(mail).equals(address)).findFirst().orElseThrow();
    }

    /** Fails the first time it runs for an instance whose variable asks for it; counts its calls. */
    public static class FailOnce implements JavaDelegate {

        static final String VARIABLE = "failOnce";
        private static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();

        static int calls(String instance) {
            return CALLS.getOrDefault(instance, new AtomicInteger()).get();
        }

        @Override
        public void execute(DelegateExecution execution) {
            int call = CALLS.computeIfAbsent(execution.getProcessInstanceId(), id -> new AtomicInteger()).incrementAndGet();
            if (Boolean.TRUE.equals(execution.getVariable(VARIABLE)) && call == 1) {
                throw new IllegalStateException("simulated failure after the mail was queued");
            }
        }
    }
}
