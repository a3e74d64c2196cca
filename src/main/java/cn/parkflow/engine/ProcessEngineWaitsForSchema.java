package cn.parkflow.engine;

import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * The process engine checks its tables when it is built, so it waits for every database
 * initializer: {@link CamundaSchema} (its tables) and Flyway (ours, which its listeners use).
 * Registered in {@code META-INF/spring.factories}.
 */
public class ProcessEngineWaitsForSchema extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class);
    }
}
