package cn.parkflow.support;

import java.lang.reflect.Method;
import java.util.Arrays;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.springframework.context.annotation.Bean;

/**
 * Registers a process's delegates (and task-listener beans) for an engine without Spring, under the names the application
 * gives them: each {@link Bean} method of {@code configuration} that makes a {@link JavaDelegate}
 * is called with the given services, so a test runs the real delegate and the model's names are
 * written once.
 */
public final class Delegates {

    private Delegates() {
    }

    public static void register(Object configuration, Object... services) {
        for (Method method : configuration.getClass().getDeclaredMethods()) {
            if (method.isAnnotationPresent(Bean.class) && (JavaDelegate.class.isAssignableFrom(method.getReturnType())
                    || TaskListener.class.isAssignableFrom(method.getReturnType()))) {
                Mocks.register(method.getName(), make(configuration, method, services));
            }
        }
    }

    private static Object make(Object configuration, Method method, Object[] services) {
        Object[] arguments = Arrays.stream(method.getParameterTypes()).map(type -> Arrays.stream(services)
                .filter(type::isInstance).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(method.getName() + " needs a " + type.getSimpleName())))
                .toArray();
        try {
            method.setAccessible(true);
            return method.invoke(configuration, arguments);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make delegate " + method.getName(), e);
        }
    }
}
