package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.casefile.CaseStages;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The stages of a list's and an item's case, by step. A supervision notice is a stage of its item's case. */
@Component
class KeyTaskCaseStages implements CaseStages {

    static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry(TASK_DRAFT_LIST, "DRAFTING"),
            Map.entry(TASK_APPROVE_SUPERVISION, "APPROVAL"),
            Map.entry(TASK_APPROVE_DRC, "APPROVAL"),
            Map.entry(TASK_SELF_ASSESS_BLOCK_OPERATOR, "YEAR_END_ASSESSMENT"),
            Map.entry(TASK_ASSESS_BLOCK_OPERATOR, "YEAR_END_ASSESSMENT"),
            Map.entry(TASK_CONFIRM_YEAR_RESULTS, "YEAR_END_ASSESSMENT"),
            Map.entry(TASK_SUBMIT_PLAN, "IMPLEMENTATION_PLAN"),
            Map.entry(TASK_REVIEW_PLAN, "PLAN_REVIEW"),
            Map.entry(TASK_COOPERATION_INPUT, "IN_PROGRESS"),
            Map.entry(TASK_QUARTERLY_REPORT, "IN_PROGRESS"),
            Map.entry(TASK_MONTHLY_REPORT, "IN_PROGRESS"),
            Map.entry(TASK_ISSUE_NOTICE, "UNDER_SUPERVISION"),
            Map.entry(TASK_ANSWER_NOTICE, "UNDER_SUPERVISION"),
            Map.entry(TASK_REVIEW_ANSWER, "UNDER_SUPERVISION"),
            Map.entry(TASK_ESCALATE, "ESCALATED"),
            Map.entry(TASK_SELF_ASSESS, "SELF_ASSESSMENT"),
            Map.entry(TASK_FOURTH_QUARTER_INPUT, "SELF_ASSESSMENT"),
            Map.entry(TASK_FOURTH_QUARTER_REPORT, "SELF_ASSESSMENT"),
            Map.entry(TASK_CHECK_FIGURES, "FIGURE_CHECK"),
            Map.entry(TASK_APPOINT_PANEL, "ASSESSMENT"),
            Map.entry(TASK_SCORE_AS_EXPERT, "ASSESSMENT"),
            Map.entry(TASK_ASSESS, "ASSESSMENT"));

    /** Each stage's name as the departments and the supervisors read it. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("DRAFTING", "清单编制中"),
            Map.entry("APPROVAL", "清单审批中"),
            Map.entry("YEAR_END_ASSESSMENT", "年终考核中"),
            Map.entry("IMPLEMENTATION_PLAN", "待报实施方案"),
            Map.entry("PLAN_REVIEW", "实施方案审核中"),
            Map.entry("IN_PROGRESS", "推进中"),
            Map.entry("UNDER_SUPERVISION", "督办中"),
            Map.entry("ESCALATED", "已提级督办"),
            Map.entry("SELF_ASSESSMENT", "年终自评中"),
            Map.entry("FIGURE_CHECK", "数据核对中"),
            Map.entry("ASSESSMENT", "考核评分中"));

    @Override
    public Map<String, String> labels() {
        return LABELS;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(LIST_KEY, KEY, SUPERVISION_KEY);
    }

    @Override
    public Map<String, String> byStep() {
        return STAGES;
    }
}
