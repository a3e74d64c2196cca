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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Deployment(resources = {"bpmn/incubator-certification.bpmn", "bpmn/dmn/incubator-eligibility.dmn",
        "bpmn/dmn/incubator-expert-outcome.dmn", "bpmn/dmn/incubator-site-inspection-routing.dmn"})
class ExpertPanelProcessTest extends CertificationProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    ProcessEngineExtension extension() {
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

    private List<Task> openSeats() {
        return tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_DECLARE_CONFLICT)
                .taskUnassigned().list();
    }

    @Test
    void shouldOfferFiveSeatsToTheExpertPool() {
        openThePanel();
        assertThat(openSeats()).hasSize(5).allSatisfy(seat -> assertThat(seat).hasCandidateGroup("experts")
                .hasDueDate(ShanghaiTime.at("2026-03-04T17:30:00")));
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
        Task scoring = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).singleResult();
        assertThat(scoring).isAssignedTo("expert6");
        assertThat(instance).variables().containsEntry(CONFLICTED_EXPERTS, "expert1").containsEntry(PANEL_EXPERTS, "expert6");
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
        Task scoring = tasks.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(TASK_SCORE).singleResult();

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
    }
}
