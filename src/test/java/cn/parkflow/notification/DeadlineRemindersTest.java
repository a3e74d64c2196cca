package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.PostgresTestServer;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The kernel's 蓝/黄/红 reminders on the running application (PostgreSQL, real outbox), for a
 * process that declares nothing about them: a user task with a due date is enough.
 */
class DeadlineRemindersTest extends PostgresApplicationTest {

    private static final String PROCESS = "reminder-fixture";
    private static boolean deployed;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    DeadlineReminderSender sender;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void resetClock() {
        ClockUtil.reset();
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void shouldRemindBlueBeforeYellowAtAndRedAfterTheDueDateEachOnceAcrossTheNationalDayHolidays() {
        at("2026-09-29T10:00");
        Task task = startTaskDue("REM-2026-0001", "2026-10-08T17:30");

        // 10-01..10-07 are holidays, Saturday 10-10 is a make-up working day
        assertThat(fireTimes(task)).containsExactly(
                "BLUE " + shanghai("2026-09-30T17:30"), "RED " + shanghai("2026-10-12T17:30"),
                "YELLOW " + shanghai("2026-10-08T17:30"));

        at("2026-09-30T17:29");
        sender.sendDue();
        assertThat(mails(task)).isEmpty();

        at("2026-09-30T17:31");
        sender.sendDue();
        sender.sendDue();
        assertThat(mails(task)).containsExactly("BLUE amr");
        assertThat(tasks.getVariableLocal(task.getId(), DeadlineReminderSender.COLOUR)).isEqualTo("蓝色提醒");

        at("2026-10-12T17:31");
        sender.sendDue();
        assertThat(mails(task)).containsExactlyInAnyOrder("BLUE amr", "YELLOW amr", "RED amr", "RED supervision");
        assertThat(tasks.getVariableLocal(task.getId(), DeadlineReminderSender.COLOUR)).isEqualTo("红色督办");
        assertThat(PostgresTestServer.shared().query("SELECT subject FROM notification WHERE dedup_key LIKE 'task:"
                + task.getId() + ":reminder:RED:%' AND recipient = 'supervision'"))
                .isEqualTo("【红色督办】审核材料严重逾期（REM-2026-0001）");
    }

    @Test
    void shouldFollowTheDueDateWhenItMovesAndForgetTheTaskWhenItEnds() {
        at("2026-11-02T09:00");
        Task task = startTaskDue("REM-2026-0002", "2026-11-06T17:30");
        assertThat(fireTimes(task)).contains("YELLOW " + shanghai("2026-11-06T17:30"));

        task.setDueDate(Date.from(shanghai("2026-11-13T17:30")));
        tasks.saveTask(task);
        assertThat(fireTimes(task)).containsExactly("BLUE " + shanghai("2026-11-12T17:30"),
                "RED " + shanghai("2026-11-18T17:30"), "YELLOW " + shanghai("2026-11-13T17:30"));

        task.setDueDate(null); // a paused statutory clock takes the due date away
        tasks.saveTask(task);
        assertThat(fireTimes(task)).isEmpty();

        task.setDueDate(Date.from(shanghai("2026-11-20T17:30")));
        tasks.saveTask(task);
        assertThat(fireTimes(task)).hasSize(3);

        tasks.complete(task.getId());
        assertThat(fireTimes(task)).as("the step that ends the task leaves its reminders be").hasSize(3);
        at("2026-12-31T17:31");
        sender.sendDue();
        assertThat(mails(task)).as("a reminder of an ended task is not sent").isEmpty();
        assertThat(fireTimes(task)).as("but dropped").isEmpty();
    }

    @Test
    void shouldSweepTheRemindersOfATaskThatEndedAfterItsLastOneHourly() {
        at("2026-11-16T09:00");
        Task task = startTaskDue("REM-2026-0004", "2026-11-18T17:30");
        at("2026-11-30T17:31");
        sender.sendDue();
        assertThat(mails(task)).containsExactlyInAnyOrder("BLUE amr", "YELLOW amr", "RED amr", "RED supervision");

        tasks.complete(task.getId());
        at("2026-11-30T18:30");
        sender.sendDue();
        assertThat(fireTimes(task)).as("nothing is left to fall due; the sweep comes once an hour").hasSize(3);

        at("2026-11-30T18:31");
        sender.sendDue();
        assertThat(fireTimes(task)).isEmpty();
    }

    /**
     * The sender claims one of a task's reminders and then marks the task's colour (an update of
     * the task) while an officer completes it. The completion writes no reminder, so it does not
     * wait for the claimed row (the two used to deadlock over the task's reminder rows); the
     * marking then finds the task gone and the claim rolls back; the reminder is dropped, unsent.
     */
    @Test
    void shouldCompleteATaskWithoutWaitingForTheReminderTheSenderHolds() throws Exception {
        at("2026-11-02T09:00");
        Task task = startTaskDue("REM-2026-0003", "2026-11-06T17:30");
        ExecutorService senderThread = Executors.newSingleThreadExecutor();
        CountDownLatch claimed = new CountDownLatch(1);
        CountDownLatch completed = new CountDownLatch(1);
        try {
            Future<Boolean> marking = senderThread.submit(() -> transaction.execute(status -> {
                jdbc.update("UPDATE task_reminder SET sent_at = now() WHERE task_id = ? AND reminder_level = 'YELLOW'",
                        task.getId());
                claimed.countDown();
                boolean completedMeanwhile = awaitQuietly(completed);
                try {
                    tasks.setVariableLocal(task.getId(), DeadlineReminderSender.COLOUR, "黄色预警");
                } catch (ProcessEngineException gone) {
                    status.setRollbackOnly();
                }
                return completedMeanwhile;
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            tasks.complete(task.getId());
            completed.countDown();

            assertThat(marking.get(60, TimeUnit.SECONDS)).as("the completion finished while the sender held the reminder").isTrue();
        } finally {
            senderThread.shutdownNow();
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is completed").isZero();
        at("2026-11-09T17:31");
        sender.sendDue();
        assertThat(mails(task)).isEmpty();
        assertThat(fireTimes(task)).as("its reminders are gone").isEmpty();
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Task startTaskDue(String caseNumber, String due) {
        deployOnce();
        String instance = runtime.startProcessInstanceByKey(PROCESS, caseNumber,
                Map.of("dueAt", Date.from(shanghai(due)))).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private void deployOnce() {
        if (!deployed) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent()
                    .userTask("Task_Review").name("审核材料").camundaCandidateGroups("amr").camundaDueDate("${dueAt}")
                    .endEvent().done()).deploy();
            deployed = true;
        }
    }

    private static List<String> fireTimes(Task task) {
        String rows = PostgresTestServer.shared().query("SELECT string_agg(reminder_level || ' ' || "
                + "to_char(fire_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD\"T\"HH24:MI'), ',' ORDER BY reminder_level) "
                + "FROM task_reminder WHERE task_id = '" + task.getId() + "'");
        return rows == null || rows.isEmpty() ? List.of()
                : List.of(rows.split(",")).stream().map(row -> row.split(" ")[0] + " "
                        + shanghai(row.split(" ")[1])).toList();
    }

    private static List<String> mails(Task task) {
        String rows = PostgresTestServer.shared().query("SELECT string_agg(split_part(dedup_key, ':', 4) || ' ' || recipient, ',') "
                + "FROM notification WHERE template = 'deadline-reminder' AND dedup_key LIKE 'task:" + task.getId() + ":%'");
        return rows == null || rows.isEmpty() ? List.of() : List.of(rows.split(","));
    }

    private static void at(String shanghaiTime) {
        ClockUtil.setCurrentTime(Date.from(shanghai(shanghaiTime)));
    }

    private static java.time.Instant shanghai(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant();
    }
}
