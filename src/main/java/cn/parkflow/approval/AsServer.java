package cn.parkflow.approval;

import cn.parkflow.notification.AnnouncedAssignments;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Runs engine work for an action whose permission the kernel has checked: one command, without the
 * engine's authorization checks, so that the caller policy of package security (which refuses
 * instance modification, delegation and assignment to others to callers) sees only this outer
 * command and none of the engine calls inside it. The caller stays the authenticated user, so the
 * engine's operation log names them. Nothing outside this module can send such a command.
 * Assignments made inside are announced by the action's own mail ({@link ActionRecords}, with its
 * reason), so the engine's plain assignment mail is not sent as well: one mail per person per event.
 */
@Component
class AsServer {

    private final ProcessEngineConfigurationImpl configuration;

    AsServer(ProcessEngine engine) {
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    <T> T call(Supplier<T> work) {
        return AnnouncedAssignments.during(() -> configuration.getCommandExecutorTxRequired()
                .execute(context -> context.runWithoutAuthorization(work::get)));
    }

    void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
