package cn.parkflow.incubator;

import static cn.parkflow.form.RequiredAnswers.isBlank;
import static cn.parkflow.form.RequiredAnswers.requireWhen;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.form.SubmissionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The incubator processes' rules that their forms cannot say by themselves (a reason is required
 * when rejecting, and so on). The kernel checks them beside each form's own rules at every task
 * completion and start ({@link cn.parkflow.form.FormChecks}).
 */
@Component
class IncubatorSubmissionRules implements SubmissionRules {

    @Override
    public Set<String> processKeys() {
        return Set.of(IncubatorCertificationProcess.KEY, IncubatorCertificationProcess.EXPERT_REVIEW_KEY, AnnualEvaluationProcess.KEY, AnnualEvaluationProcess.CHANGE_KEY);
    }

    @Override
    public List<String> check(String stepId, Map<String, Object> v) {
        List<String> errors = new ArrayList<>();
        if (stepId == null) {
            return errors;
        }
        switch (stepId) {
            case TASK_FORMAL_CHECK -> requireWhen(v, FORMAL_CHECK_RESULT, "INCOMPLETE", "formalCheckOpinion", "补正要求", errors);
            case TASK_CONFIRM_ELIGIBILITY -> {
                requireWhen(v, "eligibilityDecision", "NOT_ELIGIBLE", "eligibilityOpinion", "不符合的理由", errors);
                if ("ELIGIBLE".equals(v.get("eligibilityDecision")) && Boolean.FALSE.equals(v.get("eligible"))) {
                    errors.add("资格预审结论：系统预审未达到所申报类别的条件（" + v.get("failedCriteria") + "），不能确认为符合");
                }
            }
            case TASK_DECLARE_CONFLICT -> requireWhen(v, "conflictDeclaration", "CONFLICT", "conflictNote", "利益冲突情况", errors);
            case TASK_INSPECT_SITE -> requireWhen(v, "siteInspectionResult", "MATERIAL_DISCREPANCY", "siteDiscrepancies",
                    "不一致情况", errors);
            case TASK_DECIDE -> {
                requireWhen(v, "certificationDecision", "REJECT", "decisionReason", "不予认定的理由", errors);
                // a founded objection may still be outweighed, but only with a written answer on the record
                if ("FOUNDED".equals(v.get("objectionFounded")) && "APPROVE".equals(v.get("certificationDecision"))
                        && isBlank(v.get("decisionOpinion"))) {
                    errors.add("审批意见：公示异议经调查成立，仍同意认定的须书面说明理由");
                }
            }
            case TASK_RECEIVE_OBJECTIONS -> {
                if (isBlank(v.get("objectorName")) && isBlank(v.get("objectionEvidence"))) {
                    errors.add("异议证据：匿名且无证据的异议不予受理，请填写异议人或证据材料");
                }
            }
            default -> AnnualAndChangeRules.add(stepId, v, errors);
        }
        return errors;
    }
}
