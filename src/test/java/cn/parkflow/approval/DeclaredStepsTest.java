package cn.parkflow.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.form.FormRules;
import java.io.File;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * What the incubator certification declares for the approval actions: the steps a case may be
 * returned to (the applicant's 补正 entered through the model's own clock pause), and the 审批意见
 * each negative outcome requires, a field its form lets the officer fill in.
 */
class DeclaredStepsTest {

    private static final BpmnModelInstance INCUBATOR = Bpmn.readModelFromFile(new File("bpmn/incubator-certification.bpmn"));
    private final FormRules forms = new FormRules();

    @Test
    void shouldReturnFromTheEligibilityCheckToTheFormalCheckOrTheApplicantsSupplement() {
        assertThat(ReturnTargets.of(INCUBATOR, "Task_ConfirmEligibility").keySet())
                .containsExactlyInAnyOrder("Task_CheckApplicationFormally", "Task_SupplementApplication");
        assertThat(ReturnTargets.of(INCUBATOR, "Task_InspectSite").keySet())
                .containsExactlyInAnyOrder("Task_CheckApplicationFormally", "Task_SupplementApplication",
                        "Task_ConfirmEligibility");
    }

    @Test
    void shouldEnterTheApplicantsSupplementThroughTheClockPauseWhileAnInternalReturnDoesNotPause() {
        UserTask supplement = INCUBATOR.getModelElementById("Task_SupplementApplication");
        UserTask formalCheck = INCUBATOR.getModelElementById("Task_CheckApplicationFormally");

        String entry = StepProperties.of(supplement).returnEntry(supplement.getId());
        ServiceTask pause = INCUBATOR.getModelElementById(entry);

        assertThat(pause.getCamundaDelegateExpression()).isEqualTo("${pauseIncubatorClock}");
        assertThat(StepProperties.of(formalCheck).returnEntry(formalCheck.getId())).isEqualTo(formalCheck.getId());
    }

    @Test
    void shouldRequireAnOpinionFieldOfTheStepsFormOnEveryNegativeOutcome() {
        Map<String, String> negativeOutcomes = Map.of(
                "Task_CheckApplicationFormally", "formalCheckResult=INCOMPLETE",
                "Task_ConfirmEligibility", "eligibilityDecision=NOT_ELIGIBLE",
                "Task_InspectSite", "siteInspectionResult=MATERIAL_DISCREPANCY",
                "Task_DecideCertification", "certificationDecision=REJECT",
                "Task_InvestigateObjection", "objectionFounded=FOUNDED");
        negativeOutcomes.forEach((stepId, rule) -> {
            UserTask step = INCUBATOR.getModelElementById(stepId);
            StepProperties declared = StepProperties.of(step);
            String[] choice = rule.split("=");

            assertThat(declared.requiresOpinion(Map.of(choice[0], choice[1]))).as(stepId).isTrue();
            assertThat(forms.fields(step.getCamundaFormRef())).as(stepId)
                    .anySatisfy(field -> {
                        assertThat(field.key()).isEqualTo(declared.opinionVariable());
                        assertThat(field.readonly()).isFalse();
                    })
                    .anySatisfy(field -> {
                        assertThat(field.key()).isEqualTo(choice[0]);
                        assertThat(field.options()).containsKey(choice[1]);
                    });
        });
    }
}
