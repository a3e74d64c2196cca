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
        assertThat(fireTimes(task)).isEmpty();
        at("2026-12-31T17:31");
        sender.sendDue();
        assertThat(mails(task)).isEmpty();
    }

    /**
     * The sender claims one of a task's reminders and marks the task's colour (an update of the
     * task) while an officer completes it, whose completion deletes the task's reminders. The update
     * used to write the task's other reminders again, so each transaction held a reminder row the
     * other waited for, and PostgreSQL broke the deadlock by failing one of them.
     */
    @Test
    void shouldLetACompletionAndTheSenderMarkingTheSameTaskBothFinish() throws Exception {
        at("2026-11-02T09:00");
        Task task = startTaskDue("REM-2026-0003", "2026-11-06T17:30");
        ExecutorService senderThread = Executors.newSingleThreadExecutor();
        CountDownLatch claimed = new CountDownLatch(1);
        try {
            Future<?> marking = senderThread.submit(() -> transaction.executeWithoutResult(status -> {
                jdbc.update("UPDATE task_reminder SET sent_at = now() WHERE task_id = ? AND reminder_level = 'YELLOW'",
                        task.getId());
                claimed.countDown();
                awaitCompletionWaitingForReminderRow(task);
                tasks.setVariableLocal(task.getId(), DeadlineReminderSender.COLOUR, "黄色预警");
            }));
            assertThat(claimed.await(30, TimeUnit.SECONDS)).isTrue();

            tasks.complete(task.getId()); // waits for the sender's claimed row, then finishes

            marking.get(30, TimeUnit.SECONDS);
        } finally {
            senderThread.shutdownNow();
        }
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is completed").isZero();
        assertThat(fireTimes(task)).as("its reminders are gone").isEmpty();
    }

    /** Until the completion's delete of the task's reminders waits for a row lock. */
    private static void awaitCompletionWaitingForReminderRow(Task task) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while ("0".equals(PostgresTestServer.shared().query("SELECT count(*) FROM pg_stat_activity "
                + "WHERE wait_event_type = 'Lock' AND query LIKE 'DELETE FROM task_reminder WHERE task_id%'"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the completion of " + task.getId() + " never waited for its reminders");
            }
            Thread.onSpinWait();
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
