package cn.parkflow.notification;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Users and group members from Camunda's identity service, without authorization checks: an
 * applicant whose action mails an officer may not read the officer's user record, but the mail
 * must still go. Runs inside the current engine command when there is one (same transaction).
 */
@Component
class IdentityLookup {

    private final ObjectProvider<ProcessEngine> engine;

    IdentityLookup(ObjectProvider<ProcessEngine> engine) {
        this.engine = engine;
    }

    Optional<User> user(String id) {
        return Optional.ofNullable(run(context -> provider(context).findUserById(id)));
    }

    /** The members of a group, or empty when there is no such group. */
    Optional<List<User>> members(String groupId) {
        return Optional.ofNullable(run(context -> provider(context).findGroupById(groupId) == null ? null
                : provider(context).createUserQuery(context).memberOfGroup(groupId).list()));
    }

    private <T> T run(Function<CommandContext, T> work) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getObject().getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(() -> work.apply(context)));
    }

    private static ReadOnlyIdentityProvider provider(CommandContext context) {
        return context.getReadOnlyIdentityProvider();
    }
}
