package cn.parkflow.incubator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Incubator certification settings (DOMAIN.md §3; the figures marked [proposal] there).
 *
 * @param expertPanelSize          experts scoring each application in parallel (at least 5)
 * @param statutoryLimitDays       working days from submission to the district decision, paused during 补正
 * @param certificateValidityYears validity of a certificate
 * @param fraudBanYears            years an operator revoked for fraud may not apply again
 * @param statutoryExtensionApprovers group that approves an extension of the statutory clock
 */
@Validated
@ConfigurationProperties("parkflow.incubator")
record IncubatorProperties(
        @DefaultValue("5") @Min(5) @Max(15) int expertPanelSize,
        @DefaultValue("30") @Min(1) int statutoryLimitDays,
        @DefaultValue("3") @Min(1) int certificateValidityYears,
        @DefaultValue("2") @Min(1) int fraudBanYears,
        @DefaultValue("supervision") @NotBlank String statutoryExtensionApprovers) {
}
