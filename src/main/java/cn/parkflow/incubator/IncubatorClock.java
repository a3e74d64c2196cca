package cn.parkflow.incubator;

import cn.parkflow.calendar.DayUnit;
import cn.parkflow.calendar.StatutoryClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service-task expressions ({@code ${incubatorClock.pause(execution)}}): one statutory-clock call each. */
@Component("incubatorClock")
public class IncubatorClock { // public: expressions (JUEL) call public methods of public classes only

    static final String SYSTEM = "system";

    private final StatutoryClock clock;
    private final IncubatorProperties properties;

    IncubatorClock(StatutoryClock clock, IncubatorProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    public void start(DelegateExecution execution) {
        clock.start(execution.getProcessBusinessKey(), properties.statutoryLimitDays(), DayUnit.WORKING, SYSTEM);
    }

    public void pause(DelegateExecution execution) {
        clock.pause(execution.getProcessBusinessKey(), "申请材料补正", SYSTEM);
    }

    public void resume(DelegateExecution execution) {
        clock.resume(execution.getProcessBusinessKey(), SYSTEM);
    }
}
