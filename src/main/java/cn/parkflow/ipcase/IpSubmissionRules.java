package cn.parkflow.ipcase;

import static cn.parkflow.form.RequiredAnswers.require;
import static cn.parkflow.form.RequiredAnswers.requireWhen;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.form.SubmissionRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The IP case's rules that its forms cannot say by themselves, checked by the kernel at every
 * completion (Tasklist or API): reasons when refusing, the applicant's next channel when a channel
 * ends unsettled, both parties' consent before a mediation is extended, no adjudication once a
 * court has accepted the dispute.
 */
@Component
class IpSubmissionRules implements SubmissionRules {

    @Override
    public Set<String> processKeys() {
        return Set.copyOf(ALL_KEYS);
    }

    @Override
    public List<String> check(String stepId, Map<String, Object> v) {
        List<String> errors = new ArrayList<>();
        if (stepId == null) {
            return errors;
        }
        switch (stepId) {
            case TASK_DECIDE_ACCEPTANCE -> {
                if (v.get(ACCEPTANCE_DECISION) != null && !"ACCEPT".equals(v.get(ACCEPTANCE_DECISION))) {
                    require(v, "acceptanceReason", "不予受理的理由", errors);
                }
            }
            case TASK_TRIAGE -> {
                if ("ADJUDICATION".equals(v.get(CHANNEL)) && Boolean.TRUE.equals(v.get(COURT_ACCEPTED))) {
                    errors.add("分流渠道：法院已受理该纠纷，不能选择专利侵权纠纷行政裁决");
                }
                if (v.get(CHANNEL) != null && !v.get(CHANNEL).equals(v.get(PROPOSED_CHANNEL))) {
                    require(v, "triageNote", "分流说明（与系统建议不同）", errors);
                }
            }
            case TASK_GIVE_OPINION -> requireWhen(v, CHANNEL_OUTCOME, "CONSULTATION_ESCALATED", NEXT_SERVICE, "转入渠道", errors);
            case TASK_RECORD_CONSENT -> requireWhen(v, "counterpartyConsent", "REFUSED", NEXT_SERVICE,
                    "申请人选择的其他渠道", errors);
            case TASK_MEDIATE -> {
                requireWhen(v, "mediationResult", "FAILED", NEXT_SERVICE, "申请人选择的其他渠道", errors);
                requireWhen(v, "mediationResult", "AGREEMENT", "performanceTerms", "履行方式和期限", errors);
                if ("EXTEND".equals(v.get("mediationResult"))) {
                    if (!Boolean.TRUE.equals(v.get("applicantConsentsExtension"))
                            || !Boolean.TRUE.equals(v.get("counterpartyConsentsExtension"))) {
                        errors.add("延长调解期限：须经双方当事人同意（申请人和被申请人均须同意）");
                    }
                    require(v, IpClocks.EXTENSION_MONTHS, "延长期限（月）", errors);
                    require(v, "extensionConsentMethod", "双方同意延长的取得方式", errors);
                }
            }
            case TASK_DECIDE_OPENING -> {
                if ("REQUEST_EXTENSION".equals(v.get("openingDecision")) && Boolean.TRUE.equals(v.get("openingExtended"))) {
                    errors.add("立案决定：立案期限已经延长过一次，不能再次延长");
                }
            }
            case TASK_DECIDE_POLICE_ACCEPTANCE -> requireWhen(v, CHANNEL_OUTCOME, "CRIMINAL_RETURNED", "policeReason",
                    "退回理由", errors);
            case TASK_DECIDE_ADJUDICATION -> {
                if ("APPRAISAL".equals(v.get("adjudicationAction"))) {
                    require(v, "appraisalNote", "委托鉴定事项", errors);
                } else {
                    require(v, CHANNEL_OUTCOME, "结案方式", errors);
                    require(v, "decisionSummary", "裁决书或调解协议要点", errors);
                }
            }
            case TASK_ACCEPT_ADJUDICATION -> requireWhen(v, "adjudicationAcceptance", "REJECT", "adjudicationReason",
                    "不予受理的理由", errors);
            default -> {
            }
        }
        return errors;
    }
}
