package cn.parkflow.supervision;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The board's colour thresholds [proposal]: a deadline within {@code dueSoonWorkingDays} working
 * days is 蓝, a passed one 黄, and one passed by {@code redAfterWorkingDays} working days or more 红
 * (the same 3 as the kernel's 红 reminder).
 */
@Validated
@ConfigurationProperties("parkflow.supervision")
record SupervisionProperties(@DefaultValue("3") @Min(0) int dueSoonWorkingDays,
                             @DefaultValue("3") @Min(1) int redAfterWorkingDays) {
}
