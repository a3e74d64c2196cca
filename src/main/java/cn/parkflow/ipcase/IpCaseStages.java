package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.casefile.CaseStages;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The stages of an IP case, by step, in the case and in every channel: the kernel writes them into the case status. */
@Component
class IpCaseStages implements CaseStages {

    static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry(TASK_REGISTER_INTAKE, "INTAKE"),
            Map.entry(TASK_DECIDE_ACCEPTANCE, "ACCEPTANCE"),
            Map.entry(TASK_TRIAGE, "TRIAGE"),
            Map.entry(TASK_GIVE_OPINION, "CONSULTATION"),
            Map.entry(TASK_RECORD_CONSENT, "MEDIATION"),
            Map.entry(TASK_MEDIATE, "MEDIATION"),
            Map.entry(TASK_RECORD_CONFIRMATION_APPLICATION, "MEDIATION_AGREEMENT"),
            Map.entry(TASK_CONFIRM_AGREEMENT, "JUDICIAL_CONFIRMATION"),
            Map.entry(TASK_VISIT_PERFORMANCE, "FOLLOW_UP"),
            Map.entry(TASK_DECIDE_OPENING, "ENFORCEMENT_OPENING"),
            Map.entry(TASK_APPROVE_OPENING_EXTENSION, "ENFORCEMENT_OPENING"),
            Map.entry(TASK_INVESTIGATE, "ENFORCEMENT_INVESTIGATION"),
            Map.entry(TASK_RECORD_PAUSE_ENDED, "ENFORCEMENT_PAUSED"),
            Map.entry(TASK_REVIEW_LEGALITY, "ENFORCEMENT_LEGAL_REVIEW"),
            Map.entry(TASK_DECIDE_ENFORCEMENT, "ENFORCEMENT_DECISION"),
            Map.entry(TASK_ACCEPT_ADJUDICATION, "ADJUDICATION_ACCEPTANCE"),
            Map.entry(TASK_COLLECT_ANSWER, "ADJUDICATION"),
            Map.entry(TASK_DECIDE_ADJUDICATION, "ADJUDICATION"),
            Map.entry(TASK_RECORD_APPRAISAL_RESULT, "ADJUDICATION_PAUSED"),
            Map.entry(TASK_TRANSFER_TO_POLICE, "CRIMINAL_TRANSFER"),
            Map.entry(TASK_DECIDE_POLICE_ACCEPTANCE, "CRIMINAL_TRANSFER"),
            Map.entry(TASK_REVIEW_TRANSFER, "PROCURATORATE_REVIEW"),
            Map.entry(TASK_GUIDE_LITIGATION, "LITIGATION_GUIDANCE"),
            Map.entry(TASK_CLOSE, "CLOSURE"));

    /** Each stage's name as the applicant and the supervisors read it. */
    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("INTAKE", "登记受理中"),
            Map.entry("ACCEPTANCE", "受理审查中"),
            Map.entry("TRIAGE", "分流中"),
            Map.entry("CONSULTATION", "咨询答复中"),
            Map.entry("MEDIATION", "调解中"),
            Map.entry("MEDIATION_AGREEMENT", "调解协议登记中"),
            Map.entry("JUDICIAL_CONFIRMATION", "司法确认中"),
            Map.entry("FOLLOW_UP", "履行回访中"),
            Map.entry("ENFORCEMENT_OPENING", "执法立案审查中"),
            Map.entry("ENFORCEMENT_INVESTIGATION", "执法调查中"),
            Map.entry("ENFORCEMENT_PAUSED", "执法程序中止"),
            Map.entry("ENFORCEMENT_LEGAL_REVIEW", "法制审核中"),
            Map.entry("ENFORCEMENT_DECISION", "执法决定中"),
            Map.entry("ADJUDICATION_ACCEPTANCE", "行政裁决受理审查中"),
            Map.entry("ADJUDICATION", "行政裁决中"),
            Map.entry("ADJUDICATION_PAUSED", "行政裁决中止（鉴定中）"),
            Map.entry("CRIMINAL_TRANSFER", "移送公安中"),
            Map.entry("PROCURATORATE_REVIEW", "检察监督中"),
            Map.entry("LITIGATION_GUIDANCE", "诉讼引导中"),
            Map.entry("CLOSURE", "结案中"));

    @Override
    public Map<String, String> labels() {
        return LABELS;
    }

    @Override
    public Set<String> processKeys() {
        return Set.copyOf(ALL_KEYS);
    }

    @Override
    public Map<String, String> byStep() {
        return STAGES;
    }
}
