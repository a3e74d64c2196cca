package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * Task listener on "complete" of every user task of the incubator processes: the form's own rules
 * plus the rules that depend on another answer (a reason is required when rejecting, and so on).
 * A broken rule throws, so the task stays open and Tasklist shows the message.
 */
@Component("incubatorTaskRules")
class TaskRules implements TaskListener {

    private final FormRules forms;

    TaskRules(FormRules forms) {
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        Map<String, Object> values = task.getVariables();
        List<String> errors = new ArrayList<>(forms.violations(formId(task), values));
        errors.addAll(conditionalRules(task.getTaskDefinitionKey(), values));
        if (!errors.isEmpty()) {
            throw new InvalidInputException(task.getName() + "：" + String.join("；", errors));
        }
    }

    static String formId(DelegateTask task) {
        String formRef = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        if (formRef == null) {
            throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no camunda:formRef");
        }
        return formRef;
    }

    static List<String> conditionalRules(String taskKey, Map<String, Object> v) {
        List<String> errors = new ArrayList<>();
        switch (taskKey) {
            case TASK_FORMAL_CHECK -> requireWhen(v, "formalCheckResult", "INCOMPLETE", "formalCheckOpinion", "补正要求", errors);
            case TASK_CONFIRM_ELIGIBILITY -> {
                requireWhen(v, "eligibilityDecision", "NOT_ELIGIBLE", "eligibilityOpinion", "不符合的理由", errors);
                if ("ELIGIBLE".equals(v.get("eligibilityDecision")) && Boolean.FALSE.equals(v.get("eligible"))) {
                    errors.add("资格预审结论：系统预审未达到所申报类别的条件（" + v.get("failedCriteria") + "），不能确认为符合");
                }
            }
            case TASK_DECLARE_CONFLICT -> requireWhen(v, "conflictDeclaration", "CONFLICT", "conflictNote", "利益冲突情况", errors);
            case TASK_INSPECT_SITE -> requireWhen(v, "siteInspectionResult", "MATERIAL_DISCREPANCY", "siteDiscrepancies",
                    "不一致情况", errors);
            case TASK_DECIDE -> requireWhen(v, "certificationDecision", "REJECT", "decisionReason", "不予认定的理由", errors);
            case TASK_RECEIVE_OBJECTIONS -> {
                if (blank(v.get("objectorName")) && blank(v.get("objectionEvidence"))) {
                    errors.add("异议证据：匿名且无证据的异议不予受理，请填写异议人或证据材料");
                }
            }
            default -> AnnualAndChangeRules.add(taskKey, v, errors);
        }
        return errors;
    }

    static void requireWhen(Map<String, Object> v, String choice, String value, String field, String label,
                            List<String> errors) {
        if (value.equals(v.get(choice)) && blank(v.get(field))) {
            errors.add(label + "：必填");
        }
    }

    static boolean blank(Object value) {
        return value == null || (value instanceof String s && s.isBlank());
    }
}
