package cn.parkflow.security;

import java.util.Set;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Makes {@link VerifiedIdentities} forget what it verified whenever a user (password included),
 * group, membership or tenant is changed through the engine's identity service (the admin webapp,
 * {@code /engine-rest/user}, the kernel's own start-up), once when the command has run and once
 * more when a surrounding Spring transaction ends, so that no check made before the commit stays.
 */
class IdentityChanges extends CommandInterceptor {

    private static final Set<Class<?>> CHANGES = Set.of(
            SaveUserCmd.class, DeleteUserCmd.class, UnlockUserCmd.class, CreateUserCmd.class,
            SaveGroupCmd.class, DeleteGroupCmd.class, CreateGroupCmd.class,
            CreateMembershipCmd.class, DeleteMembershipCmd.class,
            SaveTenantCmd.class, DeleteTenantCmd.class, CreateTenantCmd.class,
            CreateTenantUserMembershipCmd.class, CreateTenantGroupMembershipCmd.class,
            DeleteTenantUserMembershipCmd.class, DeleteTenantGroupMembershipCmd.class);

    private final VerifiedIdentities identities;

    IdentityChanges(VerifiedIdentities identities) {
        this.identities = identities;
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (!CHANGES.contains(command.getClass())) {
            return next.execute(command);
        }
        try {
            return next.execute(command);
        } finally {
            identities.forgetAll();
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public void afterCompletion(int status) {
                        identities.forgetAll();
                    }
                });
            }
        }
    }
}
