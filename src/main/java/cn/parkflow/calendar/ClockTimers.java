package cn.parkflow.calendar;

import static cn.parkflow.calendar.StatutoryClockProcess.*;

import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Starts and ends the kernel's timer instance of a clock ({@code statutory-clock.bpmn}). */
@Component
class ClockTimers {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;

    ClockTimers(RuntimeService runtimeService, IdentityService identityService) {
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    void start(String caseNumber, ClockDeclaration declaration) {
        runtimeService.startProcessInstanceByKey(KEY, caseNumber, Map.of(VAR_CASE_NUMBER, caseNumber,
                VAR_CLOCK_OF, declaration.processKey(), VAR_APPROVERS, declaration.extensionApprovers(),
                VAR_HEAD_APPROVES, declaration.headApproves(),
                VAR_LIMIT, declaration.unit().describe(declaration.limit())));
    }

    /** Ends the case's timer instance, if it still runs; nothing happens for a clock without one. */
    void stop(String caseNumber) {
        runtimeService.createMessageCorrelation(MESSAGE_STOPPED).processInstanceBusinessKey(caseNumber)
                .correlateAllWithResult();
    }

    /** Opens the extension approval for the declared group; refused when no timer runs for the case. */
    void requestExtension(String caseNumber, String requestedBy, String reason) {
        // the kernel's own message, sent as the server: the requester's right was checked by the caller,
        // and a user may not correlate messages himself (security's CallerCommandPolicy)
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            runtimeService.createMessageCorrelation(MESSAGE_EXTENSION_REQUESTED).processInstanceBusinessKey(caseNumber)
                    .setVariable(VAR_REQUESTED_BY, requestedBy).setVariable(VAR_REQUEST_REASON, reason)
                    .correlateWithResult();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }
}
