package cn.parkflow.conversion;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;

/**
 * Runs an engine call as the server, without the caller's engine authorisation, and gives the
 * caller's back afterwards. Only for reads and the withdrawal message after the caller has been
 * checked by this package's own rules (the caller may not read other processes' instances nor
 * correlate messages in the engine).
 */
final class AsServer {

    private AsServer() {
    }

    static <T> T call(IdentityService identityService, Supplier<T> action) {
        Authentication caller = identityService.getCurrentAuthentication();
        identityService.clearAuthentication();
        try {
            return action.get();
        } finally {
            if (caller != null) {
                identityService.setAuthentication(caller);
            }
        }
    }

    static void run(IdentityService identityService, Runnable action) {
        call(identityService, () -> {
            action.run();
            return null;
        });
    }
}
