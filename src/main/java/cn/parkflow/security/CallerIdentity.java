package cn.parkflow.security;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Built-in start listener of every process, before all others: the server decides who started
 * it. The start event's initiator variable (e.g. {@code applicant}) is the authenticated user,
 * whatever the start variables say. A start without an authenticated user is the server's own
 * (jobs, demo data) and keeps its variables; a called process inherits its parent's. (That a
 * caller cannot choose the business key is {@link CallerCommandPolicy}'s rule.)
 */
final class CallerIdentity implements ExecutionListener {

    private final String initiatorVariable;

    CallerIdentity(String initiatorVariable) {
        this.initiatorVariable = initiatorVariable;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication caller = Context.getCommandContext().getAuthentication();
        if (caller == null || caller.getUserId() == null || execution.getSuperExecution() != null
                || initiatorVariable == null) {
            return;
        }
        execution.setVariable(initiatorVariable, caller.getUserId());
    }
}
