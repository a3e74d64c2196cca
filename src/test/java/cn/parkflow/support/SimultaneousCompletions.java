package cn.parkflow.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.RepositoryServiceImpl;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;

/**
 * Makes completions overlap for certain: each holds inside its transaction (before the engine
 * writes anything) until as many as {@link #expect(int)} named have arrived, then all go on
 * together. Later calls (a rerun) pass at once. Used by {@code bpmn/parallel-fixture.bpmn}, and
 * on a real model through {@link #holdAt}.
 */
public class SimultaneousCompletions implements TaskListener {

    private static volatile CountDownLatch gate;
    /** With patience: whoever arrived waits at most this long, then goes on alone (another may be held up before it). */
    private static volatile Duration patience;

    public static void expect(int completions) {
        patience = null;
        gate = new CountDownLatch(completions);
    }

    public static void off() {
        gate = null;
    }

    /** Runs the calls at once, each on its own thread, holding them until all have arrived; their answers in order. */
    @SafeVarargs
    public static <T> List<T> race(Supplier<T>... calls) throws Exception {
        expect(calls.length);
        return run(calls);
    }

    /**
     * The same for calls that may queue for a lock before the hold: the first to arrive holds its
     * transaction open for {@code held}, so the others run into it, then goes on alone.
     */
    @SafeVarargs
    public static <T> List<T> raceHoldingTheFirst(Duration held, Supplier<T>... calls) throws Exception {
        gate = new CountDownLatch(calls.length);
        patience = held;
        return run(calls);
    }

    @SafeVarargs
    private static <T> List<T> run(Supplier<T>... calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.length);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> call : calls) {
                futures.add(pool.submit(call::get));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Holds at {@code event} ("complete", "delete") of {@code taskKey} in the latest deployed
     * {@code processKey}, as if the model named this listener: added to the engine's cached
     * definition, so a real model is raced without a copy of it. Passes at once while no
     * {@link #expect(int)} is set.
     */
    public static void holdAt(ProcessEngine engine, String processKey, String taskKey, String event) {
        String id = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(processKey)
                .latestVersion().singleResult().getId();
        ProcessDefinitionEntity definition = (ProcessDefinitionEntity)
                ((RepositoryServiceImpl) engine.getRepositoryService()).getDeployedProcessDefinition(id);
        ActivityImpl task = definition.findActivity(taskKey);
        TaskDefinition definitionOfTask = ((UserTaskActivityBehavior) task.getActivityBehavior()).getTaskDefinition();
        List<TaskListener> listeners = definitionOfTask.getTaskListeners().get(event);
        if (listeners == null || listeners.stream().noneMatch(SimultaneousCompletions.class::isInstance)) {
            definitionOfTask.addTaskListener(event, new SimultaneousCompletions());
        }
    }

    @Override
    public void notify(DelegateTask task) {
        CountDownLatch current = gate;
        if (current == null) {
            return;
        }
        current.countDown();
        try {
            Duration waiting = patience;
            if (!current.await(waiting == null ? 30_000 : waiting.toMillis(), TimeUnit.MILLISECONDS) && waiting == null) {
                throw new IllegalStateException("the other completion never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
