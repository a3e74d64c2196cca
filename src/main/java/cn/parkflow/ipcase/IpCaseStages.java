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

    @Override
    public Set<String> processKeys() {
        return Set.copyOf(ALL_KEYS);
    }

    @Override
    public Map<String, String> byStep() {
        return STAGES;
    }
}
