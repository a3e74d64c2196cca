package cn.parkflow.incubator;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application for certification (DOMAIN.md §3 "Application fields"). The same rules hold for
 * the REST API and for the Tasklist start form (forms/incubator-certification/incubator-application.form).
 * Areas in m², the fund in 万元, counts of firms or persons.
 */
record IncubatorApplication(
        @NotBlank(message = "请填写孵化器名称") @Size(max = 100, message = "孵化器名称不能超过100字") String incubatorName,
        @NotBlank(message = "请填写运营机构名称") @Size(max = 100, message = "运营机构名称不能超过100字") String operatorName,
        @NotBlank(message = "请填写统一社会信用代码") @CreditCode String creditCode,
        @NotBlank(message = "请填写法定代表人") @Size(max = 50, message = "法定代表人不能超过50字") String legalRepresentative,
        @NotBlank(message = "请填写联系人") @Size(max = 50, message = "联系人不能超过50字") String contactName,
        @NotBlank(message = "请填写联系电话") @Pattern(regexp = "1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}",
                message = "联系电话应为11位手机号或带区号的固定电话") String contactPhone,
        @NotBlank(message = "请填写联系邮箱") @Email(message = "联系邮箱格式不正确") @Size(max = 100) String contactEmail,
        @NotBlank(message = "请填写孵化场地地址") @Size(max = 200, message = "孵化场地地址不能超过200字") String address,
        @NotBlank(message = "请选择所在区块") @Pattern(regexp = "ZEROBAY|XINZHUANG|MHEDZ|OTHER", message = "所在区块无效") String block,
        @NotBlank(message = "请选择申报类别") @Pattern(regexp = "HIGH_QUALITY|CULTIVATION|CITY_CARRIER|UPGRADE",
                message = "申报类别无效") String requestedTrack,
        @NotBlank(message = "请填写重点孵化领域") @Size(max = 100, message = "重点孵化领域不能超过100字") String industryFocus,
        @NotNull(message = "请填写成立日期") @PastOrPresent(message = "成立日期不能晚于今天") LocalDate foundingDate,
        @NotNull(message = "请填写火炬统计年数") @Min(value = 0, message = "火炬统计年数不能为负") @Max(value = 50, message = "火炬统计年数不能超过50") Integer statisticsYears,
        @NotNull(message = "请填写孵化场地面积") @DecimalMin(value = "1", message = "孵化场地面积至少1平方米") @DecimalMax(value = "1000000", message = "孵化场地面积不能超过1000000平方米") Double area,
        @NotNull(message = "请填写在孵企业使用面积") @DecimalMin(value = "0", message = "在孵企业使用面积不能为负") @DecimalMax(value = "1000000", message = "在孵企业使用面积不能超过1000000平方米") Double incubateeArea,
        @NotNull(message = "请填写在孵企业数") @Min(value = 0, message = "在孵企业数不能为负") @Max(value = 10000, message = "在孵企业数不能超过10000") Integer incubateeCount,
        @NotNull(message = "请填写累计毕业企业数") @Min(value = 0, message = "累计毕业企业数不能为负") @Max(value = 10000, message = "累计毕业企业数不能超过10000") Integer graduatedCount,
        @NotNull(message = "请填写孵化服务人员数") @Min(value = 0, message = "孵化服务人员数不能为负") @Max(value = 10000, message = "孵化服务人员数不能超过10000") Integer staffCount,
        @NotNull(message = "请填写专业孵化服务人员数") @Min(value = 0, message = "专业孵化服务人员数不能为负") @Max(value = 10000, message = "专业孵化服务人员数不能超过10000") Integer professionalStaffCount,
        @NotNull(message = "请填写创业导师数") @Min(value = 0, message = "创业导师数不能为负") @Max(value = 10000, message = "创业导师数不能超过10000") Integer mentorCount,
        @NotNull(message = "请填写孵化资金规模") @DecimalMin(value = "0", message = "孵化资金规模不能为负") @DecimalMax(value = "10000000", message = "孵化资金规模不能超过10000000万元") Double fundSize,
        @NotNull(message = "请填写获得投融资的在孵企业数") @Min(value = 0, message = "获得投融资的在孵企业数不能为负") @Max(value = 10000) Integer financedCount,
        @NotNull(message = "请填写申请专利的在孵企业数") @Min(value = 0, message = "申请专利的在孵企业数不能为负") @Max(value = 10000) Integer patentApplicantCount,
        @NotNull(message = "请填写拥有有效知识产权的在孵企业数") @Min(value = 0, message = "拥有有效知识产权的在孵企业数不能为负") @Max(value = 10000) Integer validIpCount,
        @NotBlank(message = "请填写三年发展目标") @Size(min = 10, max = 2000, message = "三年发展目标应为10至2000字") String targets,
        @NotNull(message = "请确认诚信承诺") @AssertTrue(message = "须作出诚信承诺方可提交") Boolean integrityPledge) {

    @AssertTrue(message = "在孵企业使用面积不能大于孵化场地面积")
    boolean isIncubateeAreaWithinArea() {
        return area == null || incubateeArea == null || incubateeArea <= area;
    }

    @AssertTrue(message = "专业孵化服务人员数不能大于孵化服务人员数")
    boolean isProfessionalStaffWithinStaff() {
        return staffCount == null || professionalStaffCount == null || professionalStaffCount <= staffCount;
    }

    @AssertTrue(message = "获得投融资、申请专利、拥有有效知识产权的在孵企业数都不能大于在孵企业数")
    boolean isIncubateeFiguresWithinIncubatees() {
        return incubateeCount == null
                || (le(financedCount, incubateeCount) && le(patentApplicantCount, incubateeCount) && le(validIpCount, incubateeCount));
    }

    private static boolean le(Integer part, int whole) {
        return part == null || part <= whole;
    }

    /** Process variables; dates as ISO text, as Camunda Forms stores them. */
    Map<String, Object> toVariables() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("incubatorName", incubatorName);
        v.put("operatorName", operatorName);
        v.put("creditCode", creditCode);
        v.put("legalRepresentative", legalRepresentative);
        v.put("contactName", contactName);
        v.put("contactPhone", contactPhone);
        v.put("contactEmail", contactEmail);
        v.put("address", address);
        v.put("block", block);
        v.put("requestedTrack", requestedTrack);
        v.put("industryFocus", industryFocus);
        v.put("foundingDate", foundingDate.toString());
        v.put("statisticsYears", statisticsYears);
        v.put("area", area);
        v.put("incubateeArea", incubateeArea);
        v.put("incubateeCount", incubateeCount);
        v.put("graduatedCount", graduatedCount);
        v.put("staffCount", staffCount);
        v.put("professionalStaffCount", professionalStaffCount);
        v.put("mentorCount", mentorCount);
        v.put("fundSize", fundSize);
        v.put("financedCount", financedCount);
        v.put("patentApplicantCount", patentApplicantCount);
        v.put("validIpCount", validIpCount);
        v.put("targets", targets);
        v.put("integrityPledge", integrityPledge);
        return v;
    }
}
