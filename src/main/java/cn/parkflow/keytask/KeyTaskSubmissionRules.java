package cn.parkflow.keytask;

import static cn.parkflow.form.RequiredAnswers.isBlank;
import static cn.parkflow.form.RequiredAnswers.requireWhen;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.form.SubmissionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The key-task rules a form cannot say by itself: reasons when sending back or returning, the head's commitment on 红. */
@Component
class KeyTaskSubmissionRules implements SubmissionRules {

    @Override
    public Set<String> processKeys() {
        return Set.of(LIST_KEY, KEY, SUPERVISION_KEY);
    }

    @Override
    public List<String> check(String stepId, Map<String, Object> v) {
        List<String> errors = new ArrayList<>();
        if (stepId == null) {
            return errors;
        }
        switch (stepId) {
            case TASK_APPROVE_SUPERVISION -> requireWhen(v, "supervisionDecision", "SEND_BACK", "supervisionOpinion",
                    "退回意见", errors);
            case TASK_APPROVE_DRC -> requireWhen(v, "drcDecision", "SEND_BACK", "drcOpinion", "退回意见", errors);
            case TASK_REVIEW_PLAN -> requireWhen(v, "planDecision", "RETURN", "planReviewOpinion", "退回理由", errors);
            case TASK_CHECK_FIGURES -> {
                requireWhen(v, "figureCheck", "CORRECTED", "checkedIndicatorValue", "核定指标值", errors);
                requireWhen(v, "figureCheck", "CORRECTED", "figureCheckOpinion", "核验意见", errors);
            }
            case TASK_ANSWER_NOTICE -> {
                if (Colour.RED.name().equals(v.get(NOTICE_LEVEL)) && !Boolean.TRUE.equals(v.get("headCommitment"))) {
                    errors.add("部门负责人承诺：红色督办须由部门负责人书面承诺整改");
                }
            }
            case TASK_REVIEW_ANSWER -> requireWhen(v, "noticeResolved", "UNRESOLVED", "answerReviewOpinion",
                    "未整改到位的理由", errors);
            case TASK_QUARTERLY_REPORT, TASK_FOURTH_QUARTER_REPORT, TASK_MONTHLY_REPORT -> {
                if ((Colour.YELLOW.name().equals(v.get(COLOUR)) || Colour.RED.name().equals(v.get(COLOUR)))
                        && isBlank(v.get("problems"))) {
                    errors.add("存在问题：任务为黄色或红色时必填");
                }
            }
            default -> {
            }
        }
        return errors;
    }
}
