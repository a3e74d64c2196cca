package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 转办, 退回, 撤回 and 审批意见 on the engine: each action, and each refusal. */
class TaskActionsEngineTest extends ApprovalEngineFixture {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    TransferAction transfer() {
        return new TransferAction(new Handover(tasks, colleagues), engine.getTaskService(), asServer, records);
    }

    ReturnAction returns() {
        return new ReturnAction(tasks, engine.getRuntimeService(), engine.getTaskService(), engine.getHistoryService(),
                caseFile, asServer, records);
    }

    WithdrawAction withdraw() {
        return new WithdrawAction(tasks, engine.getTaskService(), engine.getRuntimeService(), engine.getHistoryService(),
                asServer, records);
    }

    // 转办

    @Test
    void shouldTransferToAColleagueOfTheSameDepartmentWithAuditAndMail() {
        ProcessInstance instance = caseUnderReview("APR-2026-0001");
        Task review = task(instance, "Task_Review");
        claim(review, OFFICER.id());

        as(OFFICER, () -> transfer().transfer(OFFICER, review.getId(), COLLEAGUE.id(), "本人出差，请代为审核"));

        assertThat(task(instance, "Task_Review").getAssignee()).isEqualTo(COLLEAGUE.id());
        verify(caseFile).record(eq("APR-2026-0001"), eq(OFFICER.id()), eq("TASK_TRANSFERRED"), eq("审核"),
                contains("本人出差，请代为审核"));
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq(COLLEAGUE.id()), any(), anyString());
    }

    @Test
    void shouldRefuseTransferOutsideTheDepartment() {
        Task review = task(caseUnderReview("APR-2026-0002"), "Task_Review");
        claim(review, OFFICER.id());

        assertThatThrownBy(() -> transfer().transfer(OFFICER, review.getId(), OTHER_DEPARTMENT.id(), "请协助"))
                .isInstanceOf(ActionRefused.class).hasMessageContaining("只能转办给本部门").hasMessageContaining("amr-officer 不在本部门");
        assertThat(engine.getTaskService().createTaskQuery().taskId(review.getId()).singleResult().getAssignee())
                .isEqualTo(OFFICER.id());
        verify(caseFile, never()).record(anyString(), anyString(), eq("TASK_TRANSFERRED"), any(), any());
    }

    @Test
    void shouldRefuseTransferToApplicantsSupervisorsAndWhoeverDoesNotHoldTheTask() {
        Task review = task(caseUnderReview("APR-2026-0003"), "Task_Review");
        claim(review, COLLEAGUE.id());

        assertThatThrownBy(() -> transfer().transfer(APPLICANT, review.getId(), OFFICER.id(), "理由"))
                .hasMessageContaining("申请人不能对任务「转办」");
        assertThatThrownBy(() -> transfer().transfer(SUPERVISOR, review.getId(), OFFICER.id(), "理由"))
                .hasMessageContaining("督查人员只能催办和抄送");
        assertThatThrownBy(() -> transfer().transfer(OFFICER, review.getId(), OFFICER.id(), "理由"))
                .hasMessageContaining("只能对本人办理的任务「转办」");
        assertThatThrownBy(() -> transfer().transfer(COLLEAGUE, review.getId(), OFFICER.id(), " "))
                .hasMessage("转办理由：必填");
    }

    // 退回

    @Test
    void shouldReturnToTheEarlierStepAndItsHandlerWithTheReason() {
        ProcessInstance instance = caseUnderReview("APR-2026-0004");
        Task review = task(instance, "Task_Review");
        claim(review, COLLEAGUE.id());
        assertThat(returns().targets(COLLEAGUE, review.getId()).keySet()).containsExactlyInAnyOrder("Task_Draft", "Task_Supplement");

        as(COLLEAGUE, () -> returns().returnTo(COLLEAGUE, review.getId(), "Task_Draft", "拟办意见未写明依据"));

        assertThat(openSteps(instance)).containsExactly("Task_Draft");
        assertThat(task(instance, "Task_Draft").getAssignee()).isEqualTo(OFFICER.id());
        assertThat(clockPauses).as("an internal 退回 leaves the statutory clock running").isEmpty();
        verify(caseFile).record(eq("APR-2026-0004"), eq(COLLEAGUE.id()), eq("TASK_RETURNED"), eq("审核"),
                eq("退回至「拟办意见」：拟办意见未写明依据"));
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq(OFFICER.id()), any(), anyString());
    }

    @Test
    void shouldReturnToTheApplicantForSupplementThroughTheModelsClockPause() {
        ProcessInstance instance = caseUnderReview("APR-2026-0005");
        Task review = task(instance, "Task_Review");
        claim(review, COLLEAGUE.id());

        returns().returnTo(COLLEAGUE, review.getId(), "Task_Supplement", "请补充场地租赁合同");

        assertThat(clockPauses).containsExactly("APR-2026-0005");
        assertThat(task(instance, "Task_Supplement").getAssignee()).isEqualTo(APPLICANT.id());
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq(APPLICANT.id()), any(), anyString());
    }

    @Test
    void shouldRefuseReturnToAStepNotDeclaredReturnable() {
        ProcessInstance instance = caseUnderReview("APR-2026-0006");
        completeTask(instance, "Task_Review", COLLEAGUE.id(), Map.of("reviewResult", "APPROVE"));
        Task approval = task(instance, "Task_Approve");
        claim(approval, OFFICER.id());

        assertThatThrownBy(() -> returns().returnTo(OFFICER, approval.getId(), "Task_Review", "重新审核"))
                .isInstanceOf(ActionRefused.class)
                .hasMessageContaining("不能退回到「Task_Review」：流程未声明它为本环节之前可退回的环节");
        assertThat(openSteps(instance)).containsExactly("Task_Approve");
    }

    @Test
    void shouldRefuseReturnByApplicantsSupervisorsAndWithoutReason() {
        Task review = task(caseUnderReview("APR-2026-0007"), "Task_Review");

        assertThatThrownBy(() -> returns().returnTo(APPLICANT, review.getId(), "Task_Draft", "理由"))
                .hasMessageContaining("申请人不能对任务「退回」");
        assertThatThrownBy(() -> returns().returnTo(SUPERVISOR, review.getId(), "Task_Draft", "理由"))
                .hasMessageContaining("督查人员只能催办和抄送");
        assertThatThrownBy(() -> returns().returnTo(OTHER_DEPARTMENT, review.getId(), "Task_Draft", "理由"))
                .hasMessageContaining("只能对本人办理的任务「退回」");
        assertThatThrownBy(() -> returns().returnTo(OFFICER, review.getId(), "Task_Draft", ""))
                .hasMessage("退回理由：必填");
    }

    // 撤回

    @Test
    void shouldWithdrawWhileTheNextStepIsUntouched() {
        ProcessInstance instance = caseUnderReview("APR-2026-0008");
        String draft = completedTask(instance, "Task_Draft");

        as(OFFICER, () -> withdraw().withdraw(OFFICER, draft));

        assertThat(openSteps(instance)).containsExactly("Task_Draft");
        assertThat(task(instance, "Task_Draft").getAssignee()).isEqualTo(OFFICER.id());
        verify(caseFile).record(eq("APR-2026-0008"), eq(OFFICER.id()), eq("TASK_WITHDRAWN"), eq("拟办意见"),
                contains("下一环节「审核」随之撤销"));
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq("stc"), any(), anyString());
    }

    @Test
    void shouldRefuseWithdrawOnceTheNextStepIsClaimed() {
        ProcessInstance instance = caseUnderReview("APR-2026-0009");
        claim(task(instance, "Task_Review"), COLLEAGUE.id());

        assertThatThrownBy(() -> withdraw().withdraw(OFFICER, completedTask(instance, "Task_Draft")))
                .isInstanceOf(ActionRefused.class).hasMessage("下一环节「审核」已由 stc-head 签收办理，不能撤回。");
        assertThat(openSteps(instance)).containsExactly("Task_Review");
    }

    @Test
    void shouldRefuseWithdrawOnceTheNextStepHoldsSavedInput() {
        ProcessInstance instance = caseUnderReview("APR-2026-0010");
        Task review = task(instance, "Task_Review");
        engine.getTaskService().createComment(review.getId(), instance.getId(), "初步意见：材料基本齐全");

        assertThatThrownBy(() -> withdraw().withdraw(OFFICER, completedTask(instance, "Task_Draft")))
                .hasMessage("下一环节「审核」已保存办理内容，不能撤回。");
    }

    @Test
    void shouldRefuseWithdrawBySomeoneElseAndAfterTheNextStepWasDone() {
        ProcessInstance instance = caseUnderReview("APR-2026-0011");
        String draft = completedTask(instance, "Task_Draft");

        assertThatThrownBy(() -> withdraw().withdraw(COLLEAGUE, draft)).hasMessage("只有办理「拟办意见」的人可以撤回。");
        engine.getIdentityService().clearAuthentication();
        org.camunda.bpm.engine.impl.util.ClockUtil.offset(60_000L);
        completeTask(instance, "Task_Review", COLLEAGUE.id(), Map.of("reviewResult", "APPROVE"));
        assertThatThrownBy(() -> withdraw().withdraw(OFFICER, draft)).hasMessage("「拟办意见」之后已有环节办理完毕，不能撤回。");
    }

    // 审批意见

    @Test
    void shouldRequireTheOpinionOnANegativeOutcome() {
        ProcessInstance instance = caseUnderReview("APR-2026-0012");

        assertThatThrownBy(() -> completeTask(instance, "Task_Review", COLLEAGUE.id(), Map.of("reviewResult", "REJECT")))
                .hasMessageContaining("审核未能提交：审批意见：作出否定结论时必须填写审批意见。");
        assertThat(openSteps(instance)).containsExactly("Task_Review");
    }

    @Test
    void shouldKeepTheOpinionWithTheStepAndOnTheCaseTimeline() {
        ProcessInstance instance = caseUnderReview("APR-2026-0013");

        completeTask(instance, "Task_Review", COLLEAGUE.id(), Map.of("reviewResult", "REJECT", "reviewOpinion", "不符合条件"));

        assertThat(engine.getTaskService().getProcessInstanceComments(instance.getId()))
                .extracting(comment -> comment.getFullMessage()).containsExactly("审批意见：不符合条件");
        verify(caseFile).record(eq("APR-2026-0013"), eq(COLLEAGUE.id()), eq(OpinionRecorder.ACTION), eq("审核"),
                eq("审批意见：不符合条件"));
    }

    // 已办

    @Test
    void shouldListMyCompletedTasksNewestFirstWithOutcomePaged() {
        ProcessInstance earlier = caseUnderReview("APR-2026-0014");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2026-03-02T10:00:00"));
        ProcessInstance later = caseUnderReview("APR-2026-0015");
        org.mockito.Mockito.when(caseFile.events("APR-2026-0015")).thenReturn(java.util.List.of(new cn.parkflow.casefile.CaseEvent(
                at("2026-03-02T10:00:00").toInstant(), OFFICER.id(), "TASK_COMPLETED", "拟办意见", "拟办结论：同意")));
        CompletedTasks completed = new CompletedTasks(engine.getHistoryService(), caseFile, asServer);

        CompletedTasks.Page first = completed.of(OFFICER.id(), 0, 1);
        CompletedTasks.Page second = completed.of(OFFICER.id(), 1, 1);

        assertThat(first.total()).isEqualTo(2);
        assertThat(first.items()).singleElement().satisfies(item -> {
            assertThat(item.caseNumber()).isEqualTo(later.getBusinessKey());
            assertThat(item.step()).isEqualTo("拟办意见");
            assertThat(item.outcome()).isEqualTo("拟办结论：同意");
            assertThat(item.completedAt()).isEqualTo(at("2026-03-02T10:00:00").toInstant());
        });
        assertThat(second.items()).extracting(CompletedTasks.Item::caseNumber).containsExactly(earlier.getBusinessKey());
        // the engine is shared with the JVM's other engine tests: what the colleague did elsewhere may be listed
        assertThat(completed.of(COLLEAGUE.id(), 0, 10).items()).extracting(CompletedTasks.Item::caseNumber)
                .as("a colleague's 已办 lists none of the officer's steps")
                .doesNotContain(earlier.getBusinessKey(), later.getBusinessKey());
    }

    private String completedTask(ProcessInstance instance, String stepId) {
        return engine.getHistoryService().createHistoricTaskInstanceQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(stepId).finished().singleResult().getId();
    }
}
