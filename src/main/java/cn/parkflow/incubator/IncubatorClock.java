package cn.parkflow.incubator;

import cn.parkflow.calendar.ClockDeclaration;
import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.DeclaredClocks;
import cn.parkflow.casefile.CaseFile;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * The certification's statutory clock: declared to the kernel (30 working days from submission to
 * the district decision, paused only for 补正, extensions approved by {@code supervision}), and the
 * service steps ({@code ${pauseIncubatorClock}}, see {@link IncubatorDelegates}) that move it. The kernel
 * runs its timer: expiry flags the case and mails 红色督办.
 */
@Component
class IncubatorClock {

    static final String PAUSE_SUPPLEMENT = "申请材料补正";

    private final DeclaredClocks clocks;

    IncubatorClock(DeclaredClocks clocks) {
        this.clocks = clocks;
    }

    /** Static: the kernel reads the declaration before this bean, which needs the kernel, exists. */
    @Bean
    static ClockDeclaration incubatorCertificationClock(IncubatorProperties properties) {
        return new ClockDeclaration(IncubatorCertificationProcess.KEY, properties.statutoryLimitDays(), DayUnit.WORKING,
                List.of(PAUSE_SUPPLEMENT), properties.statutoryExtensionApprovers());
    }

    void start(DelegateExecution execution) {
        start(execution.getProcessBusinessKey());
    }

    void start(String caseNumber) {
        clocks.start(IncubatorCertificationProcess.KEY, caseNumber);
    }

    void pause(DelegateExecution execution) {
        clocks.pause(IncubatorCertificationProcess.KEY, execution.getProcessBusinessKey(), PAUSE_SUPPLEMENT);
    }

    void resume(DelegateExecution execution) {
        clocks.resume(execution.getProcessBusinessKey());
    }

    /** The district decision is taken (or the case closed before it): the clock stops, its timer ends. */
    void stop(DelegateExecution execution) {
        clocks.stop(execution.getProcessBusinessKey(), CaseFile.SYSTEM);
    }
}
