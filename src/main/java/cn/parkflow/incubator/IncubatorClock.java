package cn.parkflow.incubator;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service-task expressions ({@code ${incubatorClock.pause(execution)}}): one clock call each. */
@Component("incubatorClock")
public class IncubatorClock { // public: expressions (JUEL) call public methods of public classes only

    static final String SYSTEM = "system";

    private final CaseClock clock;
    private final IncubatorProperties properties;

    IncubatorClock(CaseClock clock, IncubatorProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public void start(DelegateExecution execution) {
        clock.start(execution.getProcessBusinessKey(), properties.statutoryLimitDays(), SYSTEM);
    }

    public void pause(DelegateExecution execution) {
        clock.pause(execution.getProcessBusinessKey(), "申请材料补正", SYSTEM);
    }

    public void resume(DelegateExecution execution) {
        clock.resume(execution.getProcessBusinessKey(), SYSTEM);
    }
}
