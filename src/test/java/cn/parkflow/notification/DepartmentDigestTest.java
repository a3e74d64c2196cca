package cn.parkflow.notification;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.MailingApplicationTest;
import jakarta.mail.internet.MimeMessage;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A department's 待办汇总 through the real template and a real SMTP server (GreenMail), on the
 * engine's clock moved by the test: tasks due in a week wait for the digest of their hour, one mail
 * per department per hour; a task due tomorrow is mailed at once.
 */
class DepartmentDigestTest extends MailingApplicationTest {

    private static final String PROCESS = "departmentDigestTest";
    /** 区统计局: a department no other test routes work to, so its mailbox holds only this test's mail. */
    private static final String MAILBOX = "stats@parkflow.example";

    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired DigestSender digests;

    @BeforeEach
    void deploy() {
        if (repository.createProcessDefinitionQuery().processDefinitionKey(PROCESS).count() == 0) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent()
                    .userTask("Task_CheckFigures").name("核对统计数据").camundaCandidateGroups("stats")
                    .camundaDueDate("${due}")
                    .endEvent().done()).deploy();
        }
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void shouldSendOneDigestPerHourForTasksThatCanWaitAndMailUrgentTasksAtOnce() {
        // given: Tuesday 10 November 2026 (before the other tests' real-time work), 10:05; two tasks due in a week, one due tomorrow
        now("2026-11-10T10:05");
        String first = start("2026-11-17T17:30");
        now("2026-11-10T10:20");
        String second = start("2026-11-17T17:30");
        String urgent = start("2026-11-11T17:30");

        // then: the urgent one at once, as before; the others wait while the hour runs
        await("the urgent task's mail", () -> mails("待办任务", urgent).size() == 1);
        assertThat(mails("待办任务", first)).isEmpty();
        now("2026-11-10T10:59");
        assertThat(digests.sendDue()).isZero();
        assertThat(mails("待办汇总", first)).isEmpty();

        // when: the hour has ended
        now("2026-11-10T11:00:30");

        // then: one digest listing both, through the real template
        await("the digest of 10:00–11:00", () -> mails("待办汇总", first).size() == 1);
        MimeMessage digest = mails("待办汇总", first).get(0);
        assertThat(subject(digest)).isEqualTo("【园区案件】区统计局待办汇总：2 项新任务（截至 2026年11月10日 11:00）");
        assertThat(body(digest)).contains("截至 2026年11月10日 11:00，区统计局有 2 项新的待办任务",
                "1. 核对统计数据，办理期限 2026年11月17日 17:30", "/camunda/app/tasklist/default/#/?task=" + first,
                "/camunda/app/tasklist/default/#/?task=" + second, "「本部门待办」").doesNotContain(urgent);
        assertThat(digests.sendDue()).as("the same hour again").isZero();

        // when: a task opens in the next hour, and that hour ends
        now("2026-11-10T11:10");
        String third = start("2026-11-18T17:30");
        now("2026-11-10T11:40");
        assertThat(digests.sendDue()).isZero();
        now("2026-11-10T12:00:10");

        // then: a second digest with only the new task
        await("the digest of 11:00–12:00", () -> mails("待办汇总", third).size() == 1);
        assertThat(mails("待办汇总", third)).singleElement().satisfies(mail -> assertThat(subject(mail))
                .isEqualTo("【园区案件】区统计局待办汇总：1 项新任务（截至 2026年11月10日 12:00）"));
        assertThat(mails("待办汇总", first)).as("the first hour's tasks are not repeated").hasSize(1);
        assertThat(mails("待办任务", first)).isEmpty();
        assertThat(mails("待办任务", third)).as("no mail at once for tasks that can wait").isEmpty();
    }

    private String start(String due) {
        String instance = runtime.startProcessInstanceByKey(PROCESS, Map.of("due",
                Date.from(ZonedDateTime.parse(due + ":00+08:00").toInstant()))).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult().getId();
    }

    private static void now(String shanghai) {
        String withSeconds = shanghai.length() == 16 ? shanghai + ":00" : shanghai;
        ClockUtil.setCurrentTime(Date.from(ZonedDateTime.parse(withSeconds + "+08:00").toInstant()));
    }

    /** This department's mails of one kind (subject) that name the task (its link). */
    private static List<MimeMessage> mails(String subjectPart, String taskId) {
        return mailTo(MAILBOX, "?task=" + taskId).stream().filter(mail -> subject(mail).contains(subjectPart)).toList();
    }
}
