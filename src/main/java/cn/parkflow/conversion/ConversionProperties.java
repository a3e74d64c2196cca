package cn.parkflow.conversion;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Achievement-conversion settings (DOMAIN.md §5, issue 13); every figure here is a [proposal]
 * listed in the README.
 *
 * @param institutions                 transfer offices (department codes) that register leads
 * @param stallYellowWorkingDays       working days without an update before a project is flagged 黄
 * @param stallRedAfterWorkingDays     further working days before it turns 红 and is escalated to stc
 * @param graduationRevenueThreshold   annual revenue (万元) above which a project graduates
 * @param conceptVerificationWorkingDays working days for one round of concept verification
 * @param landingCalendarDays          calendar days for the landing departments' work
 * @param pricingNoticeCalendarDays    calendar days of the agreement-pricing notice, at least 15 [rule]
 */
@Validated
@ConfigurationProperties("parkflow.conversion")
record ConversionProperties(
        @DefaultValue({"sjtu-tto", "ecnu-tto"}) @NotEmpty List<String> institutions,
        @DefaultValue("20") @Min(1) int stallYellowWorkingDays,
        @DefaultValue("10") @Min(1) int stallRedAfterWorkingDays,
        @DefaultValue("2000") @Min(0) double graduationRevenueThreshold,
        @DefaultValue("60") @Min(1) int conceptVerificationWorkingDays,
        @DefaultValue("30") @Min(1) int landingCalendarDays,
        @DefaultValue("15") @Min(15) int pricingNoticeCalendarDays) {

    static ConversionProperties defaults() {
        return new ConversionProperties(List.of("sjtu-tto", "ecnu-tto"), 20, 10, 2000, 60, 30, 15);
    }
}
