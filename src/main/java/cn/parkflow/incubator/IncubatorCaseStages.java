package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseStages;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The stages of an incubator case, by step: the kernel writes them into the case status. */
@Component
class IncubatorCaseStages implements CaseStages {

    static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry(IncubatorCertificationProcess.TASK_UPLOAD_DOCUMENTS, "DOCUMENT_UPLOAD"),
            Map.entry(IncubatorCertificationProcess.TASK_FORMAL_CHECK, "FORMAL_CHECK"),
            Map.entry(IncubatorCertificationProcess.TASK_SUPPLEMENT, "SUPPLEMENT_REQUESTED"),
            Map.entry(IncubatorCertificationProcess.TASK_CONFIRM_ELIGIBILITY, "ELIGIBILITY_CHECK"),
            Map.entry(IncubatorCertificationProcess.TASK_DECLARE_CONFLICT, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_SCORE, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_ASSIGN_EXPERT, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_INSPECT_SITE, "SITE_INSPECTION"),
            Map.entry(IncubatorCertificationProcess.TASK_DECIDE, "DISTRICT_DECISION"),
            Map.entry(IncubatorCertificationProcess.TASK_RECEIVE_OBJECTIONS, IncubatorCase.STATUS_PUBLIC_NOTICE),
            Map.entry(IncubatorCertificationProcess.TASK_INVESTIGATE_OBJECTION, "OBJECTION_INVESTIGATION"),
            Map.entry(AnnualEvaluationProcess.TASK_FILE_REPORT, "ANNUAL_FILING"),
            Map.entry(AnnualEvaluationProcess.TASK_DECIDE_MISSED_FILING, "MISSED_FILING_DECISION"),
            Map.entry(AnnualEvaluationProcess.TASK_REVIEW_REPORT, "ANNUAL_REVIEW"),
            Map.entry(AnnualEvaluationProcess.TASK_REVIEW_CHANGE, "CHANGE_REVIEW"),
            Map.entry(AnnualEvaluationProcess.TASK_DECIDE_REVOCATION, "REVOCATION_DECISION"));

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("DOCUMENT_UPLOAD", "待上传申报材料"),
            Map.entry("FORMAL_CHECK", "形式审查中"),
            Map.entry("SUPPLEMENT_REQUESTED", "待补正材料"),
            Map.entry("ELIGIBILITY_CHECK", "资格预审中"),
            Map.entry("EXPERT_REVIEW", "专家评审中"),
            Map.entry("SITE_INSPECTION", "实地核查中"),
            Map.entry("DISTRICT_DECISION", "区级认定中"),
            Map.entry(IncubatorCase.STATUS_PUBLIC_NOTICE, "公示中"),
            Map.entry("OBJECTION_INVESTIGATION", "异议核查中"),
            Map.entry("ANNUAL_FILING", "待年度报送"),
            Map.entry("MISSED_FILING_DECISION", "逾期未报处理中"),
            Map.entry("ANNUAL_REVIEW", "年度评价中"),
            Map.entry("CHANGE_REVIEW", "变更审核中"),
            Map.entry("REVOCATION_DECISION", "撤销认定审议中"));

    @Override
    public Map<String, String> labels() {
        return LABELS;
    }

    @Override
    public Set<String> processKeys() {
        return Set.of(IncubatorCertificationProcess.KEY, IncubatorCertificationProcess.EXPERT_REVIEW_KEY, AnnualEvaluationProcess.KEY, AnnualEvaluationProcess.CHANGE_KEY);
    }

    @Override
    public Map<String, String> byStep() {
        return STAGES;
    }
}
