package cn.parkflow.support;

import cn.parkflow.engine.EveryUserTaskListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * A kernel listener on every user task for process tests without Spring: the engine is built once
 * per class, the listener (with the test's mocked kernel) is registered per test under a name with
 * {@link Mocks#register}; no listener registered, nothing happens.
 */
public class MockedTaskListener implements EveryUserTaskListener {

    private final String name;
    private final Set<String> events;

    public MockedTaskListener(String name, String... events) {
        this.name = name;
        this.events = Set.of(events);
    }

    @Override
    public Set<String> events() {
        return events;
    }

    @Override
    public void notify(DelegateTask task) {
        if (Mocks.get(name) instanceof TaskListener listener) {
            listener.notify(task);
        }
    }
}
