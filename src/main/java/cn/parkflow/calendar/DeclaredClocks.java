package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseFile;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The statutory clock of a process that declared it ({@link ClockDeclaration} beans): started with
 * the declared limit together with its kernel timer, paused only for a declared reason, stopped at
 * the decision. The process calls these from its service tasks; it draws no timer of its own.
 */
@Service
@Transactional
public class DeclaredClocks {


    private final Map<String, ClockDeclaration> declarations;
    private final StatutoryClock clock;
    private final ClockTimers timers;

    DeclaredClocks(List<ClockDeclaration> declarations, StatutoryClock clock, ClockTimers timers) {
        this.declarations = declarations.stream()
                .collect(Collectors.toUnmodifiableMap(ClockDeclaration::processKey, Function.identity()));
        this.clock = clock;
        this.timers = timers;
    }

    public ClockDeclaration declaration(String processKey) {
        ClockDeclaration declaration = declarations.get(processKey);
        if (declaration == null) {
            throw new IllegalStateException("流程 " + processKey + " 没有声明法定时限（ClockDeclaration）");
        }
        return declaration;
    }

    /** Starts the clock now and the kernel's timer instance for it, with the case number as business key. */
    public ClockView start(String processKey, String caseNumber) {
        ClockDeclaration declaration = declaration(processKey);
        ClockView view = clock.start(caseNumber, declaration.limit(), declaration.unit(), CaseFile.SYSTEM);
        timers.start(caseNumber, declaration);
        return view;
    }

    public ClockView pause(String processKey, String caseNumber, String reason) {
        if (!declaration(processKey).pauseReasons().contains(reason)) {
            throw new IllegalArgumentException("reason: 流程 " + processKey + " 的法定时限不因「" + reason
                    + "」暂停（声明的暂停事由：" + String.join("、", declaration(processKey).pauseReasons()) + "）");
        }
        return clock.pause(caseNumber, reason, CaseFile.SYSTEM);
    }

    public ClockView resume(String caseNumber) {
        return clock.resume(caseNumber, CaseFile.SYSTEM);
    }

    /** The decision is taken: the clock stops and its timer instance ends. */
    public ClockView stop(String caseNumber, String actor) {
        return clock.stop(caseNumber, actor);
    }

    /** Puts an extension approval in the declared group's queue; refused once the timer has ended. */
    public void requestExtension(String caseNumber, String requestedBy, String reason) {
        ClockRules.requireName("requestedBy", requestedBy);
        ClockRules.requireText("reason", reason);
        try {
            timers.requestExtension(caseNumber, requestedBy, reason);
        } catch (MismatchingMessageCorrelationException e) {
            throw new IllegalStateException("案件 " + caseNumber + " 没有正在计算的法定时限，不能申请延长");
        }
    }
}
