package cn.parkflow.conversion;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;

/**
 * A lead as a transfer office registers it (DOMAIN.md §5 "Register lead", tracked fields): the body
 * of {@code POST /api/conversion-projects} and the start form's fields, checked by the same rules
 * on both paths. The institution is not part of it: it is the caller's transfer office.
 */
record ConversionLead(
        @NotBlank(message = "请填写项目名称") @Size(max = 100, message = "项目名称不能超过100字") String projectTitle,
        @NotBlank(message = "请填写项目负责人") @Size(max = 50, message = "项目负责人不能超过50字") String principalInvestigator,
        @NotBlank(message = "请填写知识产权清单") @Size(max = 1000, message = "知识产权清单不能超过1000字") String ipList,
        @NotNull(message = "请填写技术成熟度（1–9级）") @Min(value = 1, message = "技术成熟度应为1–9级")
        @Max(value = 9, message = "技术成熟度应为1–9级") Integer trl,
        @NotBlank(message = "请选择技术领域")
        @Pattern(regexp = "HIGH_END_EQUIPMENT|DIGITAL_ECONOMY|BIOMEDICINE|BRAIN_COMPUTER_INTERFACE|OTHER",
                message = "技术领域应为高端装备、数字经济、生物医药、脑机接口或其他") String field,
        @NotBlank(message = "请填写成果简介") @Size(max = 2000, message = "成果简介不能超过2000字") String summary,
        @NotBlank(message = "请填写联系电话") @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
                message = "联系电话应为11位手机号或带区号的固定电话") String contactPhone,
        @NotBlank(message = "请填写联系邮箱") @Email(message = "联系邮箱格式不正确")
        @Size(max = 100, message = "联系邮箱不能超过100字") String contactEmail) {

    Map<String, Object> toVariables(String institution) {
        Map<String, Object> v = new HashMap<>();
        v.put(AchievementConversionProcess.INSTITUTION, institution);
        v.put(AchievementConversionProcess.PROJECT_TITLE, projectTitle);
        v.put("principalInvestigator", principalInvestigator);
        v.put("ipList", ipList);
        v.put("trl", trl);
        v.put("field", field);
        v.put("summary", summary);
        v.put("contactPhone", contactPhone);
        v.put("contactEmail", contactEmail);
        return v;
    }
}
