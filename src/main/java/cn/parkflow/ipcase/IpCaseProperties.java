package cn.parkflow.ipcase;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The IP case's own figures ({@code parkflow.ipcase} in application.yaml): the statutory clocks of
 * the statutory channels. Step deadlines are in the models; the README lists each [proposal].
 *
 * @param mediationMonths         people's mediation, calendar months (人民调解工作若干规定 第33条: 1 month)
 * @param mediationApprovers      who approves an extension request through the kernel (extension by consent needs none)
 * @param enforcementDays         administrative enforcement, calendar days from opening (90)
 * @param adjudicationMonths      patent adjudication, calendar months from acceptance (3)
 * @param extensionApprovers      enforcement and adjudication extensions are approved by the head of the department
 *                                holding the case (市场监管部门负责人批准); this group only if the case names none
 */
@Validated
@ConfigurationProperties("parkflow.ipcase")
record IpCaseProperties(@Min(1) int mediationMonths, @NotBlank String mediationApprovers, @Min(1) int enforcementDays,
                        @Min(1) int adjudicationMonths, @NotBlank String extensionApprovers) {

    static IpCaseProperties defaults() {
        return new IpCaseProperties(1, "justice", 90, 3, "amr");
    }
}
