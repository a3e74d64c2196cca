package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.startsWith;
import static org.mockito.Mockito.verify;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/incubator-certification.bpmn", "bpmn/incubator-expert-review.bpmn", "bpmn/dmn/incubator-eligibility.dmn",
        "bpmn/dmn/incubator-expert-outcome.dmn", "bpmn/dmn/incubator-site-inspection-routing.dmn"})
class ExpertPanelProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }


    private ProcessInstance instance;
    private TaskService tasks;

    /** Called first in each test: the extension deploys the models only after {@code @BeforeEach}. */
    private void openThePanel() {
        instance = startAndAccept(application());
        confirmEligible(instance);
        tasks = engine.getTaskService();
    }

    /** The expert review the certification called, with the case's business key. */
    private ProcessInstance review() {
        return engine.getRuntimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
    }

    private List<Task> openSeats() {
        return tasks.createTaskQuery().processInstanceBusinessKey(instance.getBusinessKey())
                .taskDefinitionKey(TASK_DECLARE_CONFLICT).taskUnassigned().list();
    }

    @Test
    void shouldOfferFiveSeatsToTheExpertPool() {
        openThePanel();
        assertThat(openSeats()).hasSize(5).allSatisfy(seat -> assertThat(seat).hasCandidateGroup("experts")
                .hasDueDate(at("2026-03-04T17:30:00")));
    }

    @Test
    void shouldGiveTheSeatOfAConflictedExpertToAnotherExpert() {
        openThePanel();
        Task seat = openSeats().get(0);
        tasks.claim(seat.getId(), "expert1");
        tasks.complete(seat.getId(), Map.of("conflictDeclaration", "CONFLICT", "conflictNote", "本人在申报单位兼职"));

        assertThat(openSeats()).as("the seat is offered again").hasSize(5);
        verify(caseFile).record(eq("INC-2026-0001"), eq("expert1"), eq("EXPERT_CONFLICT_DECLARED"), eq("声明利益冲突"),
                startsWith("声明存在利益冲突"));
        String anotherSeat = openSeats().get(0).getId();
        assertThatThrownBy(() -> tasks.claim(anotherSeat, "expert1"))
                .hasMessageContaining("专家 expert1 已声明与本案存在利益冲突");

        tasks.claim(anotherSeat, "expert6");
        tasks.complete(anotherSeat, Map.of("conflictDeclaration", "NO_CONFLICT"));
        Task scoring = tasks.createTaskQuery().processInstanceId(review().getId()).taskDefinitionKey(TASK_SCORE).singleResult();
        assertThat(scoring).isAssignedTo("expert6");
        assertThat(review()).hasBusinessKey("INC-2026-0001").variables().containsEntry(CONFLICTED_EXPERTS, "expert1").containsEntry(PANEL_EXPERTS, "expert6");
    }

    @Test
    void shouldNotLetOneExpertTakeTwoSeats() {
        openThePanel();
        Task first = openSeats().get(0);
        tasks.claim(first.getId(), "expert2");
        tasks.complete(first.getId(), Map.of("conflictDeclaration", "NO_CONFLICT"));

        String second = openSeats().get(0).getId();
        assertThatThrownBy(() -> tasks.claim(second, "expert2")).hasMessageContaining("已在本案评审组中");
    }

    @Test
    void shouldLetOnlyTheSeatedExpertScore() {
        openThePanel();
        Task seat = openSeats().get(0);
        tasks.claim(seat.getId(), "expert3");
        tasks.complete(seat.getId(), Map.of("conflictDeclaration", "NO_CONFLICT"));
        Task scoring = tasks.createTaskQuery().processInstanceId(review().getId()).taskDefinitionKey(TASK_SCORE).singleResult();

        assertThatThrownBy(() -> tasks.setAssignee(scoring.getId(), "expert4"))
                .hasMessageContaining("评分任务只能由声明无利益冲突的专家 expert3 办理");
        assertThatThrownBy(() -> tasks.complete(scoring.getId(), Map.of("scoreCapability", 101, "scoreEffectiveness", 80,
                        "scoreSustainability", 80, "scoreInnovation", 80, "expertComment", "短")))
                .hasMessageContaining("服务能力：不能大于100").hasMessageContaining("评审意见：至少10个字");
        assertThat(savedScores).isEmpty();
    }

    @Test
    void shouldRecordWeightedScoresAndPassWithAMeanOfSeventy() {
        openThePanel();
        scoreByPanel(instance, 70, 70);
        assertThat(savedScores).hasSize(5).allSatisfy(score -> assertThat(score.total()).isEqualTo(70.0));
        assertThat(instance).isWaitingAt(TASK_INSPECT_SITE).variables().containsEntry("expertReviewPassed", true);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(EXPERT_REVIEW_KEY)
                .processInstanceBusinessKey("INC-2026-0001").singleResult().getEndTime()).as("the expert review ended").isNotNull();
    }

    @Test
    void shouldGiveASeatNobodyTookByItsDueDateToStcToAssign() {
        // given: seven experts; four take seats, the fifth declares a conflict, and nobody takes the seat again
        openThePanel();
        for (int i = 1; i <= 7; i++) {
            expertInPool("expert" + i);
        }
        for (int i = 1; i <= 4; i++) {
            declare("expert" + i, "NO_CONFLICT");
        }
        declare("expert5", "CONFLICT");
        assertThat(openSeats()).hasSize(1);

        // when: the seat's due date passes
        fireTimer(review(), SEAT_UNFILLED, at("2026-03-04T17:31:00"));

        // then: stc is asked to assign an expert, shown who is free
        assertThat(openSeats()).isEmpty();
        Task assignment = openTask(review(), TASK_ASSIGN_EXPERT);
        assertThat(assignment).hasCandidateGroup("stc").hasDueDate(at("2026-03-05T17:30:00"));
        assertThat(tasks.getVariableLocal(assignment.getId(), ELIGIBLE_EXPERTS)).isEqualTo("expert6，expert7");
    }

    @Test
    void shouldSeatTheExpertStcAssignsAndRefuseAConflictedOrUnknownOne() {
        openThePanel();
        for (int i = 1; i <= 7; i++) {
            expertInPool("expert" + i);
        }
        declare("expert1", "CONFLICT");
        org.camunda.bpm.engine.impl.util.ClockUtil.setCurrentTime(at("2026-03-04T17:31:00"));
        engine.getManagementService().createJobQuery().processInstanceId(review().getId()).timers()
                .activityId(SEAT_UNFILLED).list().forEach(job -> engine.getManagementService().executeJob(job.getId()));
        List<Task> assignments = tasks.createTaskQuery().processInstanceId(review().getId())
                .taskDefinitionKey(TASK_ASSIGN_EXPERT).list();
        assertThat(assignments).as("every seat still open at its due date").hasSize(5);
        String assignment = assignments.get(0).getId();
        tasks.claim(assignment, "stc-officer");

        assertThatThrownBy(() -> tasks.complete(assignment, Map.of(ASSIGNED_EXPERT, "expert1")))
                .hasMessageContaining("专家 expert1 已声明与本案存在利益冲突");
        assertThatThrownBy(() -> tasks.complete(assignment, Map.of(ASSIGNED_EXPERT, "applicant1")))
                .hasMessageContaining("指派专家：applicant1 不是评审专家库（experts）中的用户");
        assertThatThrownBy(() -> tasks.complete(assignment, Map.of(ASSIGNED_EXPERT, "专家")))
                .hasMessageContaining("指派专家");

        tasks.complete(assignment, Map.of(ASSIGNED_EXPERT, "expert6"));
        Task seat = tasks.createTaskQuery().processInstanceId(review().getId()).taskDefinitionKey(TASK_DECLARE_CONFLICT)
                .taskAssignee("expert6").singleResult();
        assertThat(seat).as("the seat waits for the assigned expert's declaration").isNotNull();
        tasks.complete(seat.getId(), Map.of("conflictDeclaration", "NO_CONFLICT"));
        assertThat(tasks.createTaskQuery().processInstanceId(review().getId()).taskDefinitionKey(TASK_SCORE)
                .singleResult()).isAssignedTo("expert6");
        verify(caseFile).record(eq("INC-2026-0001"), eq("stc-officer"), eq("EXPERT_ASSIGNED"), eq("指派评审专家"),
                eq("评审席位逾期无人承担，指派专家 expert6"));
    }

    private void declare(String expert, String declaration) {
        Task seat = openSeats().get(0);
        tasks.claim(seat.getId(), expert);
        tasks.complete(seat.getId(), declaration.equals("CONFLICT")
                ? Map.of("conflictDeclaration", declaration, "conflictNote", "本人在申报单位兼职")
                : Map.of("conflictDeclaration", declaration));
    }

    private void expertInPool(String id) {
        IdentityService identity = engine.getIdentityService();
        if (identity.createGroupQuery().groupId(EXPERTS_GROUP).count() == 0) {
            identity.saveGroup(identity.newGroup(EXPERTS_GROUP));
        }
        if (identity.createUserQuery().userId(id).count() == 0) {
            identity.saveUser(identity.newUser(id));
            identity.createMembership(id, EXPERTS_GROUP);
        }
    }
}
