package cn.parkflow.support;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/**
 * Makes completions overlap for certain: each holds inside its transaction (before the engine
 * writes anything) until as many as {@link #expect(int)} named have arrived, then all go on
 * together. Later calls (a rerun) pass at once. Used by {@code bpmn/parallel-fixture.bpmn}.
 */
public class SimultaneousCompletions implements TaskListener {

    private static volatile CountDownLatch gate;

    public static void expect(int completions) {
        gate = new CountDownLatch(completions);
    }

    public static void off() {
        gate = null;
    }

    @Override
    public void notify(DelegateTask task) {
        CountDownLatch current = gate;
        if (current == null) {
            return;
        }
        current.countDown();
        try {
            if (!current.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the other completion never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
