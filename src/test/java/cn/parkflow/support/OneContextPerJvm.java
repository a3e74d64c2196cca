package cn.parkflow.support;

import org.springframework.core.Ordered;
import org.springframework.test.annotation.DirtiesContext.HierarchyMode;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * At most one application context per test JVM. Spring's test context cache keeps every context it
 * loaded until the JVM ends, but two Parkflow contexts must not live side by side: Camunda keeps its
 * engines in a JVM-wide registry (the REST API and the webapps answer from "the" engine named
 * {@code default}), and both job executors would work on the one database of the JVM. So before a
 * test class loads a context the cache does not hold yet, the context of the class before it is
 * closed. Classes of the same configuration keep sharing theirs (README "Tests"). Registered for
 * every Spring test in {@code META-INF/spring.factories}.
 */
public final class OneContextPerJvm implements TestExecutionListener, Ordered {

    private static TestContext previous;

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public void beforeTestClass(TestContext next) {
        synchronized (OneContextPerJvm.class) {
            if (previous != null && !next.hasApplicationContext() && previous.hasApplicationContext()) {
                previous.markApplicationContextDirty(HierarchyMode.EXHAUSTIVE);
            }
            previous = next;
        }
    }
}
