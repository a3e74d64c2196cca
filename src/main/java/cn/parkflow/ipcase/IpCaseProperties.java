package cn.parkflow.ipcase;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The IP case's own figures ({@code parkflow.ipcase} in application.yaml): the statutory clocks of
 * the statutory channels. Step deadlines are in the models; the README lists each [proposal].
 *
 * @param mediationDays           people's mediation, calendar days (人民调解工作若干规定 第33条: 1 month)
 * @param mediationApprovers      who approves an extension request through the kernel (extension by consent needs none)
 * @param enforcementDays         administrative enforcement, calendar days from opening (90)
 * @param adjudicationDays        patent adjudication, calendar days from acceptance (3 months)
 * @param extensionApprovers      who approves enforcement and adjudication extensions (+30 days)
 */
@Validated
@ConfigurationProperties("parkflow.ipcase")
record IpCaseProperties(@Min(1) int mediationDays, @NotBlank String mediationApprovers, @Min(1) int enforcementDays,
                        @Min(1) int adjudicationDays, @NotBlank String extensionApprovers) {

    static IpCaseProperties defaults() {
        return new IpCaseProperties(30, "justice", 90, 90, "supervision");
    }
}
