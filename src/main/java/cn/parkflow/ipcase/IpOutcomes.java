package cn.parkflow.ipcase;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The words for a channel's outcome in mails and the case trail: {@code ${ipOutcomes.label(channelOutcome)}}.
 * The outcome codes and categories that statistics count come from the DMN {@code ip-closure-category}.
 */
@Component("ipOutcomes")
public class IpOutcomes { // public: expressions (JUEL) call public methods of public classes only

    static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("NOT_ACCEPTED", "不予受理"),
            Map.entry("CONSULTATION_ANSWERED", "已出具咨询或侵权判定意见"),
            Map.entry("MEDIATION_AGREEMENT", "人民调解达成协议"),
            Map.entry("MEDIATION_REFUSED", "被申请人不同意调解"),
            Map.entry("MEDIATION_FAILED", "调解不成"),
            Map.entry("MEDIATION_ENDED_BY_COURT", "法院受理，调解终止"),
            Map.entry("ENFORCEMENT_PENALTY", "行政处罚"),
            Map.entry("ENFORCEMENT_NO_PENALTY", "不予行政处罚"),
            Map.entry("ENFORCEMENT_NOT_OPENED", "不予立案"),
            Map.entry("ADJUDICATION_RULING", "作出行政裁决"),
            Map.entry("ADJUDICATION_MEDIATED", "达成行政调解协议"),
            Map.entry("ADJUDICATION_NOT_ACCEPTED", "裁决请求不予受理"),
            Map.entry("ADJUDICATION_UNAVAILABLE", "法院已受理，不适用行政裁决"),
            Map.entry("CRIMINAL_ACCEPTED", "公安机关立案侦查"),
            Map.entry("CRIMINAL_RETURNED", "公安机关退回移送"),
            Map.entry("LITIGATION_SETTLED", "诉前调解成功"),
            Map.entry("LITIGATION_FILED", "已立案诉讼"),
            Map.entry("ENFORCEMENT_TRANSFER_POLICE", "涉嫌犯罪，移送公安机关"),
            Map.entry("CONSULTATION_ESCALATED", "转其他渠道办理"));

    static final Map<String, String> CHANNELS = Map.of("CONSULTATION", "咨询与侵权判定意见", "MEDIATION", "人民调解",
            "ENFORCEMENT", "行政执法", "ADJUDICATION", "专利侵权纠纷行政裁决", "CRIMINAL", "行刑衔接移送",
            "LITIGATION", "诉讼指导与诉前调解");

    public String label(String outcome) {
        return LABELS.getOrDefault(outcome, outcome);
    }

    static String channel(String channel) {
        return CHANNELS.getOrDefault(channel, channel);
    }
}
