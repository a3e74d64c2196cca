package cn.parkflow.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Completing a task conflicts with a parallel completion whenever both move the same execution:
 * two expert seats of one panel, two cooperating departments before a join. Nothing of the losing
 * transaction was kept, so the completion is run again, in a new transaction, and nobody sees the
 * conflict. If the task is gone on the rerun, someone else completed it first: that is the user's
 * conflict, {@link TaskTakenException} (409 on every API).
 * <p>
 * Sits outside the engine's transaction (a pre-command interceptor), so it reruns only a command
 * that owns its transaction: not a nested one, not one inside a caller's Spring transaction.
 */
@Component
public class ConflictRetry extends AbstractProcessEnginePlugin {

    static final int ATTEMPTS = 5;
    private static final Set<Class<?>> COMPLETIONS = Set.of(CompleteTaskCmd.class, SubmitTaskFormCmd.class);

    private final LongAdder reruns = new LongAdder();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<CommandInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new Rerun());
        if (configuration.getCustomPreCommandInterceptorsTxRequired() != null) {
            interceptors.addAll(configuration.getCustomPreCommandInterceptorsTxRequired());
        }
        configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
    }

    /** How many completions were run again after a conflict, since start. */
    public long reruns() {
        return reruns.sum();
    }

    private final class Rerun extends CommandInterceptor {

        @Override
        public <T> T execute(Command<T> command) {
            if (!COMPLETIONS.contains(command.getClass()) || Context.getCommandContext() != null
                    || TransactionSynchronizationManager.isActualTransactionActive()) {
                return next.execute(command);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    return next.execute(command);
                } catch (OptimisticLockingException conflict) {
                    if (attempt == ATTEMPTS) {
                        throw new TaskTakenException(conflict);
                    }
                    reruns.increment();
                } catch (NullValueException | NotFoundException gone) {
                    if (attempt > 1) {
                        throw new TaskTakenException(gone);
                    }
                    throw gone;
                }
            }
        }
    }
}
