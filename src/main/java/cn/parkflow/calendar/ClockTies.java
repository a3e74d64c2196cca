package cn.parkflow.calendar;

import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the timer jobs and user-task due dates that stand for a statutory clock, so the engine
 * never fires a deadline the law says has not yet come. While the clock is paused its timers are
 * suspended (a suspended job is never acquired) and its tasks have no due date; when it runs, each
 * timer is active and due at the clock's deadline, less the tie's working days.
 *
 * <p>Runs inside the caller's transaction, with authorization checks off: moving the clock is the
 * system's doing, whichever officer's request caused it.
 */
@Component
class ClockTies {

    private static final Logger log = LoggerFactory.getLogger(ClockTies.class);

    private final ProcessEngineConfigurationImpl engine;
    private final ManagementService managementService;
    private final TaskService taskService;
    private final WorkingDayCalendar calendar;
    private final ClockRepository clocks;
    private final TransactionTemplate separateTransaction;

    ClockTies(ProcessEngineConfigurationImpl engine, ManagementService managementService, TaskService taskService,
              WorkingDayCalendar calendar, ClockRepository clocks, PlatformTransactionManager transactionManager) {
        this.engine = engine;
        this.managementService = managementService;
        this.taskService = taskService;
        this.calendar = calendar;
        this.clocks = clocks;
        this.separateTransaction = new TransactionTemplate(transactionManager);
        this.separateTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * A timer or task created in the current transaction (the usual case: tied from a listener of
     * the activity that creates it) is not yet visible to engine queries: move it once committed.
     */
    void applyAgainAfterCommit(ClockTie tie) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                try {
                    separateTransaction.executeWithoutResult(status -> clocks.lock(tie.caseNumber())
                            .filter(clock -> clocks.stoppedAt(clock.caseNumber()).isEmpty())
                            .ifPresent(clock -> apply(clock, List.of(tie))));
                } catch (RuntimeException e) {
                    // the tie is stored: the clock's next pause, resume or extension moves the element
                    log.warn("Could not move {} of process instance {} to the clock of case {}: {}",
                            tie.activityId(), tie.processInstanceId(), tie.caseNumber(), e.toString());
                }
            }
        });
    }

    void apply(ClockState clock, List<ClockTie> ties) {
        change(ties, tie -> clock.isPaused() ? null : dueDate(clock, tie));
    }

    /** A stopped clock: its timers are suspended for good, its tasks keep no statutory due date. */
    void hold(List<ClockTie> ties) {
        change(ties, tie -> null);
    }

    private void change(List<ClockTie> ties, Function<ClockTie, Date> dueDates) {
        if (ties.isEmpty()) {
            return;
        }
        engine.getCommandExecutorTxRequired().execute((CommandContext context) -> {
            boolean checking = context.isAuthorizationCheckEnabled();
            context.disableAuthorizationCheck();
            try {
                ties.forEach(tie -> apply(context, tie, dueDates.apply(tie)));
            } finally {
                if (checking) {
                    context.enableAuthorizationCheck();
                }
            }
            return null;
        });
    }

    /**
     * Changes each timer as one entity update (due date and suspension state together): the
     * service API's suspend/activate is a bulk update that would collide with a due-date change
     * of the same job in the same transaction.
     */
    private void apply(CommandContext context, ClockTie tie, Date due) {
        List<Job> timers = managementService.createJobQuery().processInstanceId(tie.processInstanceId())
                .activityId(tie.activityId()).timers().list();
        for (Job timer : timers) {
            JobEntity job = context.getJobManager().findJobById(timer.getId());
            if (due == null) {
                job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
            } else {
                job.setDuedate(due);
                job.setSuspensionState(SuspensionState.ACTIVE.getStateCode());
            }
        }
        List<Task> tasks = taskService.createTaskQuery().processInstanceId(tie.processInstanceId())
                .taskDefinitionKey(tie.activityId()).list();
        for (Task task : tasks) {
            task.setDueDate(due);
            taskService.saveTask(task);
        }
    }

    private Date dueDate(ClockState clock, ClockTie tie) {
        return Date.from(calendar.deadlineOf(
                calendar.addWorkingDays(clock.currentDue(calendar), -tie.workingDaysBefore())).toInstant());
    }
}
