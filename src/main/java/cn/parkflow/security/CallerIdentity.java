package cn.parkflow.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Built-in start listener of every process, before all others: the server decides who started
 * it. The start event's initiator variable (e.g. {@code applicant}) is the authenticated user,
 * whatever the start variables say, and a caller who is not an admin cannot choose the business
 * key (the case number is the case file's to give). A start without an authenticated user is the
 * server's own (jobs, demo data) and keeps its variables; a called process inherits its parent's.
 */
final class CallerIdentity implements ExecutionListener {

    static final String CHOSEN_KEY = "案件编号由系统分配，发起时不能指定业务编号（businessKey）。";

    private final String initiatorVariable;

    CallerIdentity(String initiatorVariable) {
        this.initiatorVariable = initiatorVariable;
    }

    @Override
    public void notify(DelegateExecution execution) {
        Authentication caller = Context.getCommandContext().getAuthentication();
        if (caller == null || caller.getUserId() == null || execution.getSuperExecution() != null) {
            return;
        }
        String businessKey = execution.getProcessBusinessKey();
        if (businessKey != null && !businessKey.isBlank() && !CallerCommandPolicy.isAdmin(caller)) {
            throw new AuthorizationException(CHOSEN_KEY);
        }
        if (initiatorVariable != null) {
            execution.setVariable(initiatorVariable, caller.getUserId());
        }
    }
}
