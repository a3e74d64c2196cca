package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.when;

import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The supervision notice (key-task-supervision.bpmn): 黄 7 working days, 红 5, unresolved → next colour → 领导小组. */
@Deployment(resources = {"bpmn/key-task-supervision.bpmn"})
class KeyTaskSupervisionProcessTest extends KeyTaskProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    @Override
    protected String startTime() {
        return "2026-09-21T09:00:00";
    }

    @BeforeEach
    void approvedList() {
        approvedSeedList(2026);
        register.attachCase(2026, 6, "KT-2026-0006");
        register.setColour(2026, 6, Colour.YELLOW, null);
    }

    private ProcessInstance noticeFor(String level) {
        return engine.getRuntimeService().createProcessInstanceByKey(SUPERVISION_KEY).businessKey("KT-2026-0006")
                .setVariable(YEAR, 2026).setVariable(TASK_NUMBER, 6).setVariable(CASE_NUMBER, "KT-2026-0006")
                .setVariable("taskTitle", "打造数字经济特色产业").setVariable(LEAD_DEPARTMENT, "econ")
                .setVariable(NOTICE_LEVEL, level).execute();
    }

    private void issue(ProcessInstance notice) {
        completeTask(notice, TASK_ISSUE_NOTICE, "supervisor", Map.of("noticeRequirement", "季度报告逾期，请说明原因并整改。"));
    }

    @Test
    void shouldNumberAYellowNoticeMailItToTheHeadAndGiveSevenWorkingDays() {
        ProcessInstance notice = noticeFor("YELLOW");
        assertThat(openTask(notice, TASK_ISSUE_NOTICE)).hasCandidateGroup("supervision");

        issue(notice);

        // 09-21 + 7 working days: 09-25 is 中秋, so 09-22, 23, 24, 28, 29, 30 and 10-08
        Task answer = openTask(notice, TASK_ANSWER_NOTICE);
        assertThat(answer).hasCandidateGroup("econ");
        assertThat(answer.getDueDate()).isEqualTo(at("2026-10-08T17:30:00"));
        assertThat(variable(notice, "noticeNumber")).isEqualTo("闵重点督〔2026〕1号");
        assertThat(mail.withTemplate("key-task-supervision-notice")).singleElement().satisfies(sent -> {
            assertThat(sent.get("mailTo")).isEqualTo("econ-head");
            assertThat(sent.get("noticeLevelLabel")).isEqualTo("黄色督办");
            assertThat(sent.get("noticeDueText")).isEqualTo("2026年10月8日");
        });
        assertThat(register.openNotices(2026, 6)).isEqualTo(1);
    }

    @Test
    void shouldCloseANoticeThatWasFixed() {
        ProcessInstance notice = noticeFor("YELLOW");
        issue(notice);
        completeTask(notice, TASK_ANSWER_NOTICE, "econ-officer",
                Map.of("noticeExplanation", "统计口径调整导致延误。", "fixReport", "已补报季度报告并调整推进计划。"));
        completeTask(notice, TASK_REVIEW_ANSWER, "supervisor", Map.of("noticeResolved", "RESOLVED"));

        assertThat(notice).isEnded().hasPassed("EndEvent_NoticeResolved");
        assertThat(register.openNotices(2026, 6)).isZero();
        assertThat(item(2026, 6).colour()).isEqualTo(Colour.YELLOW);
    }

    @Test
    void shouldEscalateYellowToRedToTheLeadershipGroupWhenNoticesGoUnanswered() {
        ProcessInstance notice = noticeFor("YELLOW");
        issue(notice);

        // the yellow notice's 7 working days pass unanswered: the item turns red and a red notice is due
        fireTimer(notice, EVENT_NOTICE_OVERDUE, at("2026-10-08T17:31:00"));
        assertThat(item(2026, 6).colour()).isEqualTo(Colour.RED);
        assertThat(item(2026, 6).everRed()).isTrue();
        assertThat(notice).isWaitingAt(TASK_ISSUE_NOTICE);
        assertThat(variable(notice, NOTICE_LEVEL)).isEqualTo("RED");

        // the red notice: the head's commitment and a fix report within 5 working days (10-09, 10-10 make-up, 12, 13, 14)
        ClockUtil.setCurrentTime(at("2026-10-08T18:00:00"));
        issue(notice);
        Task answer = openTask(notice, TASK_ANSWER_NOTICE);
        assertThat(answer.getDueDate()).isEqualTo(at("2026-10-14T17:30:00"));
        assertThat(mail.withTemplate("key-task-supervision-notice")).hasSize(2)
                .extracting(sent -> sent.get("noticeLevelLabel")).containsExactly("黄色督办", "红色督办");

        // a red answer without the head's commitment is refused
        engine.getTaskService().claim(answer.getId(), "econ-officer");
        assertThatThrownBy(() -> engine.getTaskService().complete(answer.getId(),
                Map.of("noticeExplanation", "原因说明。", "fixReport", "整改措施。")))
                .hasMessageContaining("部门负责人承诺");

        // unanswered again: the leadership group (drc) takes it up
        fireTimer(notice, EVENT_NOTICE_OVERDUE, at("2026-10-14T17:31:00"));
        Task leadership = openTask(notice, TASK_ESCALATE);
        assertThat(leadership).hasCandidateGroup("drc");
        assertThat(leadership.getAssignee()).as("no head of drc named: the office's queue").isNull();
        assertThat(item(2026, 6).colour()).isEqualTo(Colour.RED);
        assertThat(register.escalatedToRed(2026, 6)).isTrue();
        completeTask(notice, TASK_ESCALATE, "drc-officer", Map.of("escalationMeasures", "提请领导小组专题会协调。"));
        assertThat(notice).isEnded().hasPassed("EndEvent_Escalated");
    }

    @Test
    void shouldRaiseAYellowNoticeToRedWhenTheReviewFindsItNotFixed() {
        ProcessInstance notice = noticeFor("YELLOW");
        issue(notice);
        completeTask(notice, TASK_ANSWER_NOTICE, "econ-officer", Map.of("noticeExplanation", "原因说明。", "fixReport", "整改措施。"));

        Task review = openTask(notice, TASK_REVIEW_ANSWER);
        engine.getTaskService().claim(review.getId(), "supervisor");
        assertThatThrownBy(() -> engine.getTaskService().complete(review.getId(), Map.of("noticeResolved", "UNRESOLVED")))
                .hasMessageContaining("未整改到位的理由：必填");
        completeTask(notice, TASK_REVIEW_ANSWER, "supervisor",
                Map.of("noticeResolved", "UNRESOLVED", "answerReviewOpinion", "整改措施未落实。"));

        assertThat(notice).isWaitingAt(TASK_ISSUE_NOTICE);
        assertThat(variable(notice, NOTICE_LEVEL)).isEqualTo("RED");
        assertThat(item(2026, 6).colour()).isEqualTo(Colour.RED);
    }

    @Test
    void shouldAssignTheLeadershipEscalationToTheHeadOfDrcWithTheOfficeAsFallback() {
        // given drc has a head, and a red notice goes unanswered
        when(heads.headOf("drc")).thenReturn(Optional.of("drc-head"));
        ProcessInstance notice = noticeFor("RED");
        issue(notice);

        // when its 5 working days pass (09-22, 23, 24, 28, 29)
        fireTimer(notice, EVENT_NOTICE_OVERDUE, at("2026-09-29T17:31:00"));

        // then the head holds the escalation by name and drc's officers still see it
        Task leadership = openTask(notice, TASK_ESCALATE);
        assertThat(leadership).isAssignedTo("drc-head");
        assertThat(engine.getTaskService().getIdentityLinksForTask(leadership.getId()))
                .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("drc"));
        completeTask(notice, TASK_ESCALATE, "drc-head", Map.of("escalationMeasures", "提请领导小组专题会协调。"));
        assertThat(notice).isEnded().hasPassed("EndEvent_Escalated");
    }
}
