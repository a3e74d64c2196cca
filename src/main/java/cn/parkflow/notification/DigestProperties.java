package cn.parkflow.notification;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code parkflow.notification.digest.*}: a department's mailbox gets one 待办汇总 mail per
 * {@code interval} for its new tasks that need no immediate action; a task needs immediate action
 * (and is mailed at once, as before) when its step is listed in {@code immediateSteps} or its due
 * date is at most {@code immediateWithin} working days away when it opens.
 *
 * @param enabled         false: every new task is mailed at once
 * @param interval        one digest per department per interval, counted in whole intervals of the clock
 * @param immediateWithin working days; a task due that soon is mailed at once
 * @param immediateSteps  "process-key:Task_Id" of steps declared urgent, mailed at once whatever their due date
 */
@Validated
@ConfigurationProperties("parkflow.notification.digest")
record DigestProperties(boolean enabled, @NotNull Duration interval, @Min(0) @Max(30) int immediateWithin,
                        List<String> immediateSteps) {

    DigestProperties {
        immediateSteps = immediateSteps == null ? List.of() : List.copyOf(immediateSteps);
    }

    @AssertTrue(message = "digest interval must be at least one minute")
    boolean isIntervalLongEnough() {
        return interval != null && interval.compareTo(Duration.ofMinutes(1)) >= 0;
    }

    boolean isUrgentStep(String processKey, String stepId) {
        return immediateSteps.contains(processKey + ":" + stepId);
    }
}
