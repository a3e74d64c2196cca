package cn.parkflow.ipcase;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A right holder's request (DOMAIN.md §4 Intake), from the start form or {@code POST /api/ip-cases};
 * the same rules on both paths. Evidence follows as case documents.
 */
record IpCaseApplication(
        @NotBlank(message = "必填") @Size(max = 200, message = "不能超过200个字") String applicantName,
        @Size(max = 200, message = "不能超过200个字")
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "邮箱格式不正确") String applicantEmail,
        @NotBlank(message = "必填") @Pattern(regexp = "^[0-9+\\- ]{7,20}$", message = "应为7至20位电话号码") String applicantPhone,
        Boolean walkIn,
        @NotNull(message = "必填") IpType ipType,
        @NotBlank(message = "必填") @Size(max = 60, message = "不能超过60个字") String rightNumber,
        @NotNull(message = "必填") RightStatus rightStatus,
        @NotNull(message = "必填") Service serviceRequested,
        @NotBlank(message = "必填") @Size(max = 200, message = "不能超过200个字") String counterpartyName,
        @Size(max = 200, message = "不能超过200个字")
        @Pattern(regexp = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", message = "邮箱格式不正确") String counterpartyEmail,
        @NotBlank(message = "必填") @Size(max = 2000, message = "不能超过2000个字") String facts,
        @NotNull(message = "必填") Setting infringementSetting,
        @DecimalMin(value = "0", message = "不能小于0") @DecimalMax(value = "100000", message = "不能大于100000")
        BigDecimal amountClaimed,
        Boolean courtAccepted) {

    /** The form's labels, so a refusal names the field as the applicant saw it. */
    static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("applicantName", "申请人（权利人）名称");
        LABELS.put("applicantEmail", "联系邮箱");
        LABELS.put("applicantPhone", "联系电话");
        LABELS.put("walkIn", "现场来访");
        LABELS.put("ipType", "知识产权类型");
        LABELS.put("rightNumber", "权利编号");
        LABELS.put("rightStatus", "权利状态");
        LABELS.put("serviceRequested", "请求事项");
        LABELS.put("counterpartyName", "被申请人（对方当事人）");
        LABELS.put("counterpartyEmail", "被申请人联系邮箱");
        LABELS.put("facts", "案情简述");
        LABELS.put("infringementSetting", "侵权发生场景");
        LABELS.put("amountClaimed", "主张金额（万元）");
        LABELS.put("courtAccepted", "法院已受理该纠纷");
    }

    enum IpType {
        INVENTION_PATENT("发明专利"), UTILITY_MODEL("实用新型专利"), DESIGN_PATENT("外观设计专利"), TRADEMARK("商标"),
        COPYRIGHT("著作权"), TRADE_SECRET("商业秘密"), IC_LAYOUT("集成电路布图设计"), PLANT_VARIETY("植物新品种"),
        GEO_INDICATION("地理标志");

        final String label;

        IpType(String label) {
            this.label = label;
        }
    }

    enum RightStatus { VALID, PENDING, DISPUTED, INVALID }

    enum Service { CONSULTATION, MEDIATION, ENFORCEMENT, ADJUDICATION, CRIMINAL, LITIGATION }

    enum Setting { ONLINE, OFFLINE }

    boolean isWalkIn() {
        return Boolean.TRUE.equals(walkIn);
    }

    boolean isCourtAccepted() {
        return Boolean.TRUE.equals(courtAccepted);
    }

    String title() {
        return "知识产权纠纷：" + ipType.label + " " + rightNumber + "（被申请人：" + counterpartyName + "）";
    }
}
