package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.casefile.CaseStages;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The visible milestones of a conversion project (DOMAIN.md §5 stages), by step: the kernel writes
 * them into the case status when the step opens, and the audit trail keeps when. Follow-up,
 * coordination and stall supervision run beside the stages and leave the stage as it is.
 */
@Component
class ConversionCaseStages implements CaseStages {

    static final String LEAD_REVIEW = "LEAD_REVIEW";
    static final String MANAGER_ASSIGNMENT = "MANAGER_ASSIGNMENT";
    static final String DIAGNOSIS = "DIAGNOSIS";
    static final String CONCEPT_VERIFICATION = "CONCEPT_VERIFICATION";
    static final String RIGHTS_ARRANGEMENT = "RIGHTS_ARRANGEMENT";
    static final String PRICING_NOTICE = "PRICING_NOTICE";
    static final String PRICING = "PRICING";
    static final String CONTRACT_REGISTRATION = "CONTRACT_REGISTRATION";
    static final String LANDING = "LANDING";
    static final String PILOT = "PILOT";
    static final String CLOSING = "CLOSING";

    /** Stages in the order a project passes them, with their names in the domain's words. */
    static final Map<String, String> LABELS = new java.util.LinkedHashMap<>();

    static {
        LABELS.put(LEAD_REVIEW, "线索受理（提前对接）");
        LABELS.put(MANAGER_ASSIGNMENT, "指派技术经理人");
        LABELS.put(DIAGNOSIS, "需求诊断");
        LABELS.put(CONCEPT_VERIFICATION, "概念验证");
        LABELS.put(RIGHTS_ARRANGEMENT, "赋权");
        LABELS.put(PRICING_NOTICE, "协议定价公示");
        LABELS.put(PRICING, "挂牌交易或评估作价");
        LABELS.put(CONTRACT_REGISTRATION, "合同签订和技术合同登记");
        LABELS.put(LANDING, "企业落地");
        LABELS.put(PILOT, "中试");
        LABELS.put(CLOSING, "结项");
    }

    static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry(TASK_ACCEPT_LEAD, LEAD_REVIEW),
            Map.entry(TASK_ASSIGN_MANAGER, MANAGER_ASSIGNMENT),
            Map.entry(TASK_DIAGNOSE, DIAGNOSIS),
            Map.entry(TASK_VERIFY_CONCEPT, CONCEPT_VERIFICATION),
            Map.entry(TASK_ARRANGE_RIGHTS, RIGHTS_ARRANGEMENT),
            Map.entry(TASK_RUN_PRICING_NOTICE, PRICING_NOTICE),
            Map.entry(TASK_HANDLE_PRICING_OBJECTION, PRICING_NOTICE),
            Map.entry(TASK_TRADE_ON_EXCHANGE, PRICING),
            Map.entry(TASK_OBTAIN_VALUATION, PRICING),
            Map.entry(TASK_REGISTER_CONTRACT, CONTRACT_REGISTRATION),
            Map.entry(TASK_PROVIDE_SPACE, LANDING),
            Map.entry(TASK_PROVIDE_POLICY, LANDING),
            Map.entry(TASK_PROVIDE_TALENT, LANDING),
            Map.entry(TASK_PROVIDE_FUNDING, LANDING),
            Map.entry(TASK_REGISTER_COMPANY, LANDING),
            Map.entry(TASK_CONFIRM_LANDING, LANDING),
            Map.entry(TASK_PILOT_INDUSTRY, PILOT),
            Map.entry(TASK_PILOT_SPACE, PILOT),
            Map.entry(TASK_CLOSE_PROJECT, CLOSING));

    @Override
    public Map<String, String> labels() {
        return LABELS;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(KEY);
    }

    @Override
    public Map<String, String> byStep() {
        return STAGES;
    }
}
