package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.DelegationState;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** 委派, 加签 and 催办 on the engine: each action, and each refusal. */
class CaseActionsEngineTest extends ApprovalEngineFixture {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    DelegateAction delegation() {
        return new DelegateAction(new Handover(tasks, colleagues), tasks, engine.getTaskService(), asServer, records);
    }

    ConsultAction consultation() {
        return new ConsultAction(new Handover(tasks, colleagues), tasks, engine.getTaskService(), asServer, records);
    }

    UrgeAction urging() {
        return new UrgeAction(caseFile, engine.getTaskService(), WorkingDayCalendar.bundled(), actionLog, asServer, records);
    }

    // 委派

    @Test
    void shouldDelegateToAnExpertAndTakeTheTaskBackWithTheirOpinion() {
        ProcessInstance instance = caseUnderReview("APR-2026-0101");
        Task review = task(instance, "Task_Review");
        claim(review, OFFICER.id());

        delegation().delegate(OFFICER, review.getId(), EXPERT.id(), "请核实技术指标");
        Task delegated = task(instance, "Task_Review");
        assertThat(delegated.getAssignee()).isEqualTo(EXPERT.id());
        assertThat(delegated.getOwner()).isEqualTo(OFFICER.id());
        assertThatThrownBy(() -> engine.getTaskService().complete(delegated.getId(), Map.of("reviewResult", "APPROVE")))
                .hasMessageContaining("审核未能提交：任务已委派给 expert1，须由其交回后再办理");
        assertThatThrownBy(() -> delegation().resolve(OFFICER, review.getId(), "好"))
                .hasMessage("只有受委派人可以交回委派的任务。");

        delegation().resolve(EXPERT, review.getId(), "技术指标属实");

        Task back = task(instance, "Task_Review");
        assertThat(back.getAssignee()).isEqualTo(OFFICER.id());
        assertThat(back.getDelegationState()).isEqualTo(DelegationState.RESOLVED);
        assertThat(engine.getTaskService().getTaskComments(review.getId())).extracting(c -> c.getFullMessage())
                .containsExactly("委派办理意见：技术指标属实");
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq(EXPERT.id()), any(), anyString());
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq(OFFICER.id()), any(), anyString());
    }

    @Test
    void shouldRefuseToDelegateOutsideTheDepartmentAndExpertsOrByAnApplicant() {
        Task review = task(caseUnderReview("APR-2026-0102"), "Task_Review");
        claim(review, OFFICER.id());

        assertThatThrownBy(() -> delegation().delegate(OFFICER, review.getId(), OTHER_DEPARTMENT.id(), "请协助"))
                .hasMessage("只能委派给本部门的同事或评审专家，amr-officer 两者都不是。");
        assertThatThrownBy(() -> delegation().delegate(APPLICANT, review.getId(), COLLEAGUE.id(), "请协助"))
                .hasMessageContaining("申请人不能对任务「委派」");
    }

    // 加签

    @Test
    void shouldWaitForEveryConsultedOpinionBeforeTheStepCompletes() {
        ProcessInstance instance = caseUnderReview("APR-2026-0103");
        Task review = task(instance, "Task_Review");
        claim(review, OFFICER.id());

        consultation().consult(OFFICER, review.getId(), List.of(COLLEAGUE.id(), EXPERT.id()), "该孵化器面积是否达标？");

        assertThatThrownBy(() -> completeTask(instance, "Task_Review", OFFICER.id(), Map.of("reviewResult", "APPROVE")))
                .hasMessageContaining("加签征求的意见尚未全部答复");
        List<Task> asked = engine.getTaskService().getSubTasks(review.getId());
        assertThat(asked).extracting(Task::getAssignee).containsExactlyInAnyOrder(COLLEAGUE.id(), EXPERT.id());
        assertThatThrownBy(() -> consultation().answer(OFFICER, asked.get(0).getId(), "达标"))
                .hasMessage("只有被征求意见的人可以答复。");
        for (Task subtask : asked) {
            CurrentUser person = subtask.getAssignee().equals(EXPERT.id()) ? EXPERT : COLLEAGUE;
            consultation().answer(person, subtask.getId(), "面积达标");
        }

        completeTask(instance, "Task_Review", OFFICER.id(), Map.of("reviewResult", "APPROVE"));
        assertThat(openSteps(instance)).containsExactly("Task_Approve");
        assertThat(engine.getTaskService().getProcessInstanceComments(instance.getId())).extracting(c -> c.getFullMessage())
                .contains("stc-head 的意见：面积达标", "expert1 的意见：面积达标");
    }

    @Test
    void shouldRefuseConsultationBySupervisorsAndToNobody() {
        Task review = task(caseUnderReview("APR-2026-0104"), "Task_Review");
        claim(review, OFFICER.id());

        assertThatThrownBy(() -> consultation().consult(SUPERVISOR, review.getId(), List.of(COLLEAGUE.id()), "意见？"))
                .hasMessageContaining("督查人员只能催办和抄送");
        assertThatThrownBy(() -> consultation().consult(OFFICER, review.getId(), List.of(), "意见？"))
                .hasMessageContaining("请选择征求谁的意见");
    }

    // 催办

    @Test
    void shouldLetTheApplicantUrgeTheirCaseOncePerWorkingDayWithMailAndMark() {
        ProcessInstance instance = caseUnderReview("APR-2026-0105");

        urging().urge(APPLICANT, "APR-2026-0105", null);

        assertThat(task(instance, "Task_Review").getPriority()).isEqualTo(UrgeAction.URGED_PRIORITY);
        verify(notifications).enqueue(eq(ActionRecords.TEMPLATE), eq("stc"), any(), anyString());
        verify(caseFile).record(eq("APR-2026-0105"), eq(APPLICANT.id()), eq("TASK_URGED"), eq("审核"), contains("请尽快办理"));
        // the same working day: refused; the last urge on Friday evening still counts on Saturday, not on Monday
        when(actionLog.lastUrged("APR-2026-0105")).thenReturn(Optional.of(at("2026-03-06T18:00:00").toInstant()));
        ClockUtil.setCurrentTime(at("2026-03-06T19:00:00"));
        assertThatThrownBy(() -> urging().urge(SUPERVISOR, "APR-2026-0105", "请加快"))
                .hasMessage("案件 APR-2026-0105 本工作日已催办过，每个工作日最多催办一次。");
        ClockUtil.setCurrentTime(at("2026-03-09T09:00:00"));
        urging().urge(SUPERVISOR, "APR-2026-0105", "请加快");
    }

    @Test
    void shouldRefuseUrgingByOfficersAndOtherApplicantsAndWhenNothingIsOpen() {
        caseUnderReview("APR-2026-0106");

        assertThatThrownBy(() -> urging().urge(OFFICER, "APR-2026-0106", null)).hasMessage("只有督查人员或本案申请人可以催办。");
        assertThatThrownBy(() -> urging().urge(new CurrentUser("applicant2", java.util.Set.of("applicants")),
                "APR-2026-0106", null)).hasMessage("只有督查人员或本案申请人可以催办。");
        assertThatThrownBy(() -> urging().urge(SUPERVISOR, "APR-2026-9999", null))
                .hasMessage("案件 APR-2026-9999 当前没有待办环节，无需催办。");
    }

    // 我发起的

    @Test
    void shouldListTheCasesTheUserStartedNewestFirst() {
        startCase("APR-2026-0107");
        ClockUtil.setCurrentTime(at("2026-03-02T11:00:00"));
        startCase("APR-2026-0108");
        StartedCases started = new StartedCases(engine.getHistoryService(), caseFile, asServer);

        assertThat(started.of(APPLICANT.id(), 0, 10)).extracting(record -> record.number())
                .containsExactly("APR-2026-0108", "APR-2026-0107");
        assertThat(started.of(OFFICER.id(), 0, 10)).isEmpty();
    }
}
