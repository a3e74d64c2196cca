package cn.parkflow.calendar;

import static cn.parkflow.calendar.StatutoryClockProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/** Starts and ends the kernel's timer instance of a clock ({@code statutory-clock.bpmn}). */
@Component
class ClockTimers {

    private final RuntimeService runtimeService;

    ClockTimers(RuntimeService runtimeService) {
        this.runtimeService = runtimeService;
    }

    void start(String caseNumber, ClockDeclaration declaration) {
        runtimeService.startProcessInstanceByKey(KEY, caseNumber, Map.of(VAR_CASE_NUMBER, caseNumber,
                VAR_CLOCK_OF, declaration.processKey(), VAR_APPROVERS, declaration.extensionApprovers(),
                VAR_LIMIT, declaration.unit().describe(declaration.limit())));
    }

    /** Ends the case's timer instance, if it still runs; nothing happens for a clock without one. */
    void stop(String caseNumber) {
        runtimeService.createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(caseNumber)
                .correlateAllWithResult();
    }

    /** Opens the extension approval for the declared group; refused when no timer runs for the case. */
    void requestExtension(String caseNumber, String requestedBy, String reason) {
        runtimeService.createMessageCorrelation(MESSAGE_EXTENSION_REQUESTED).processInstanceBusinessKey(caseNumber)
                .setVariable(VAR_REQUESTED_BY, requestedBy).setVariable(VAR_REQUEST_REASON, reason)
                .correlateWithResult();
    }
}
