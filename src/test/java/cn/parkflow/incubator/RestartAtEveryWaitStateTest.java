package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.ParkflowApplication;
import cn.parkflow.calendar.StatutoryClockProcess;
import cn.parkflow.support.Http;
import cn.parkflow.support.PostgresTestServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Restart with certification cases at every kind of wait state, on PostgreSQL: a first run of
 * the application (its job executor off, so nothing moves by itself) leaves one case at a user
 * task with its statutory clock at its deadline timer and its stop message, one at an async job
 * (the clock's start), and one inside the called expert review with a seat's timer already due.
 * It stops; a second run (a new context on the same database, job executor on) must carry each on
 * exactly once: the job runs, the due timer fires, the task completes, the message ends the clock,
 * the called process continues; no instance twice, no incident.
 */
@Tag("application")
@Tag("isolated") // a JVM of its own: starts and stops applications of its own
class RestartAtEveryWaitStateTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration BOUND = Duration.ofSeconds(90);

    @Test
    void shouldCarryOnEveryWaitingCaseExactlyOnceAfterARestart() throws Exception {
        String url = PostgresTestServer.shared().createDatabase("restart_" + System.nanoTime());
        String atTask;
        String atJob;
        String inCalledProcess;
        try (ConfigurableApplicationContext first = application(url, false)) {
            Engine engine = new Engine(first);
            atTask = engine.submit();
            engine.runJobs(atTask);
            atJob = engine.submit();
            inCalledProcess = engine.submit();
            engine.runJobs(inCalledProcess);
            engine.completeAs("stc-officer", inCalledProcess, TASK_FORMAL_CHECK, "{\"formalCheckResult\":{\"value\":\"COMPLETE\"}}");
            engine.runJobs(inCalledProcess);
            engine.completeAs("stc-officer", inCalledProcess, TASK_CONFIRM_ELIGIBILITY,
                    "{\"eligibilityDecision\":{\"value\":\"ELIGIBLE\"}}");
            engine.runJobs(inCalledProcess);

            assertThat(engine.tasks(atTask, TASK_FORMAL_CHECK)).as("user task").isOne();
            assertThat(engine.timers(atTask, StatutoryClockProcess.KEY)).as("the clock's deadline timer").isOne();
            assertThat(engine.messageSubscriptions(atTask)).as("the clock's stop message").isOne();
            assertThat(engine.asyncJobs(atJob)).as("the clock's start, an async job").isOne();
            assertThat(engine.instances(atJob, StatutoryClockProcess.KEY)).isZero();
            assertThat(engine.instances(inCalledProcess, EXPERT_REVIEW_KEY)).as("called process").isOne();
            assertThat(engine.tasks(inCalledProcess, TASK_DECLARE_CONFLICT)).as("the seats").isEqualTo(5);
            Job seatTimer = engine.management.createJobQuery().timers().activityId(SEAT_UNFILLED)
                    .processInstanceId(engine.instance(inCalledProcess, EXPERT_REVIEW_KEY).getId()).list().get(0);
            // the seat's two working days have passed while the application was down
            engine.management.setJobDuedate(seatTimer.getId(), new Date(System.currentTimeMillis() - 60_000));
        }

        try (ConfigurableApplicationContext second = application(url, true)) {
            Engine engine = new Engine(second);

            await("the async job ran: the clock started", () -> engine.instances(atJob, StatutoryClockProcess.KEY) == 1
                    && engine.timers(atJob, StatutoryClockProcess.KEY) == 1);
            await("the due seat timer fired", () -> engine.tasks(inCalledProcess, TASK_ASSIGN_EXPERT) == 1);
            assertThat(engine.tasks(inCalledProcess, TASK_DECLARE_CONFLICT)).as("the other seats wait on").isEqualTo(4);

            engine.completeAs("expert1", inCalledProcess, TASK_DECLARE_CONFLICT,
                    "{\"conflictDeclaration\":{\"value\":\"NO_CONFLICT\"}}");
            assertThat(engine.tasks(inCalledProcess, TASK_SCORE)).as("the called process moves on").isOne();

            engine.completeAs("stc-officer", atTask, TASK_FORMAL_CHECK, "{\"formalCheckResult\":{\"value\":\"COMPLETE\"}}");
            await("the task completed and the case moved on", () -> engine.tasks(atTask, TASK_CONFIRM_ELIGIBILITY) == 1);
            assertThat(engine.runtime.createMessageCorrelation(StatutoryClockProcess.MESSAGE_STOPPED)
                    .processInstanceBusinessKey(atTask).correlateAllWithResult()).as("the waiting message caught").hasSize(1);

            for (String number : List.of(atTask, atJob, inCalledProcess)) {
                assertThat(engine.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                        .processDefinitionKey(KEY).count()).as(number + ": one certification").isOne();
                assertThat(engine.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                        .processDefinitionKey(StatutoryClockProcess.KEY).count()).as(number + ": one clock").isOne();
                assertThat(engine.tasks(number, TASK_FORMAL_CHECK) + engine.tasks(number, TASK_CONFIRM_ELIGIBILITY))
                        .as(number + ": no step twice").isLessThanOrEqualTo(1);
            }
            assertThat(engine.instances(atTask, StatutoryClockProcess.KEY)).as("the stopped clock ended").isZero();
            assertThat(engine.history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(inCalledProcess)
                    .processDefinitionKey(EXPERT_REVIEW_KEY).count()).as("one expert review").isOne();
            assertThat(engine.management.createJobQuery().noRetriesLeft().count()).as("failed jobs").isZero();
            assertThat(engine.runtime.createIncidentQuery().count()).as("incidents").isZero();
        }
    }

    /** The demo profile on the given database; with the job executor or without. */
    private static ConfigurableApplicationContext application(String url, boolean jobExecutor) {
        return new SpringApplicationBuilder(ParkflowApplication.class).profiles("demo").run(
                "--server.port=0",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--spring.datasource.driver-class-name=org.postgresql.Driver",
                "--camunda.bpm.job-execution.enabled=" + jobExecutor);
    }

    private static void await(String what, BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (!done.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what + " within " + BOUND).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** One run of the application: its engine and its HTTP port, case by case (business key = case number). */
    private static final class Engine {

        final RuntimeService runtime;
        final TaskService taskService;
        final ManagementService management;
        final HistoryService history;
        final Http http;

        Engine(ConfigurableApplicationContext context) {
            runtime = context.getBean(RuntimeService.class);
            taskService = context.getBean(TaskService.class);
            management = context.getBean(ManagementService.class);
            history = context.getBean(HistoryService.class);
            http = new Http(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
        }

        /** An application with its required documents, submitted (上传申报材料 done). */
        String submit() throws Exception {
            HttpResponse<String> submitted = http.postJson("/api/incubators/applications", "applicant1",
                    JSON.writeValueAsString(IncubatorApiTest.application()));
            assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(201);
            String number = JSON.readTree(submitted.body()).path("caseNumber").asText();
            // documents in and 上传申报材料 submitted: from here the clock starts (an async job)
            IncubatorApiTest.attachRequired(http, number);
            return number;
        }

        /** What the job executor would do for this case now: every job due, until none is left. */
        void runJobs(String number) {
            for (int round = 0; round < 50; round++) {
                Job due = runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                        .flatMap(instance -> management.createJobQuery().processInstanceId(instance.getId())
                                .executable().list().stream())
                        .findFirst().orElse(null);
                if (due == null) {
                    return;
                }
                management.executeJob(due.getId());
            }
            throw new AssertionError("jobs of " + number + " never ran out");
        }

        /** As Tasklist does: claim the case's task of this kind, submit its form. */
        void completeAs(String user, String number, String taskKey, String variables) throws Exception {
            JsonNode tasks = JSON.readTree(http.get("/engine-rest/task?processInstanceBusinessKey=" + number
                    + "&taskDefinitionKey=" + taskKey, user).body());
            assertThat(tasks.size()).as(taskKey + " of " + number + " for " + user).isPositive();
            String id = tasks.get(0).path("id").asText();
            assertThat(http.postJson("/engine-rest/task/" + id + "/claim", user, "{\"userId\":\"" + user + "\"}")
                    .statusCode()).isEqualTo(204);
            HttpResponse<String> submitted = http.postJson("/engine-rest/task/" + id + "/submit-form", user,
                    "{\"variables\":" + variables + "}");
            assertThat(submitted.statusCode()).as(taskKey + ": " + submitted.body()).isEqualTo(204);
        }

        long tasks(String number, String taskKey) {
            return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(taskKey).count();
        }

        long instances(String number, String processKey) {
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                    .processDefinitionKey(processKey).count();
        }

        ProcessInstance instance(String number, String processKey) {
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number)
                    .processDefinitionKey(processKey).singleResult();
        }

        long timers(String number, String processKey) {
            ProcessInstance instance = instance(number, processKey);
            return instance == null ? 0 : management.createJobQuery().timers().processInstanceId(instance.getId()).count();
        }

        long asyncJobs(String number) {
            return runtime.createProcessInstanceQuery().processInstanceBusinessKey(number).list().stream()
                    .mapToLong(instance -> management.createJobQuery().messages().processInstanceId(instance.getId()).count())
                    .sum();
        }

        long messageSubscriptions(String number) {
            ProcessInstance clock = instance(number, StatutoryClockProcess.KEY);
            return clock == null ? 0 : runtime.createEventSubscriptionQuery().processInstanceId(clock.getId())
                    .eventType("message").eventName(StatutoryClockProcess.MESSAGE_STOPPED).count();
        }
    }
}
