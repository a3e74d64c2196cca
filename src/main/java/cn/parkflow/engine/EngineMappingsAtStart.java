package cn.parkflow.engine;

import java.util.Locale;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.stereotype.Component;

/**
 * Starts the parse of Camunda's mappings ({@link EngineMappings}) as soon as the application's
 * configuration is read, for the database its {@code spring.datasource.url} names, and hands it to
 * the engine when the engine is built. Off with {@code parkflow.engine.parse-mappings-early=false},
 * and for a database Parkflow does not recognise by its URL: the engine then has them parsed on its
 * own thread when it first uses them, by the same {@link EngineMappings#parse} (which puts our
 * PostgreSQL authorization check in place of Camunda's).
 *
 * <p>The listener is registered in {@code META-INF/spring.factories}; the parse reaches the
 * application context as the bean {@value #BEAN} when Spring Boot's bootstrap context closes.
 */
public class EngineMappingsAtStart implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    static final String BEAN = "engineMappings";

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        ConfigurableEnvironment environment = event.getEnvironment();
        String databaseType = camundaDatabaseType(environment.getProperty("spring.datasource.url"));
        if (databaseType == null || !environment.getProperty("parkflow.engine.parse-mappings-early", Boolean.class, true)) {
            return;
        }
        EngineMappings mappings = EngineMappings.parseInBackground(
                environment.getProperty("camunda.bpm.database.type", databaseType),
                environment.getProperty("camunda.bpm.database.table-prefix", ""));
        event.getBootstrapContext().addCloseListener(closed ->
                closed.getApplicationContext().getBeanFactory().registerSingleton(BEAN, mappings));
    }

    /** Camunda's name for the database a JDBC URL points at, or null if it is not one we know. */
    static String camundaDatabaseType(String url) {
        String lower = url == null ? "" : url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:postgresql:")) {
            return "postgres";
        }
        if (lower.startsWith("jdbc:h2:")) {
            return "h2";
        }
        return null;
    }

    /** The engine plugin that gives the engine the parse started early, or one made when first used. */
    @Component
    static class Handover extends AbstractProcessEnginePlugin {

        private final ObjectProvider<EngineMappings> mappings;

        Handover(ObjectProvider<EngineMappings> mappings) {
            this.mappings = mappings;
        }

        @Override
        public void preInit(ProcessEngineConfigurationImpl configuration) {
            if (configuration.getSqlSessionFactory() == null && !configuration.isUseSharedSqlSessionFactory()) {
                configuration.setSqlSessionFactory(mappings.getIfAvailable(EngineMappings::parsedWhenUsed)
                        .sqlSessionFactoryFor(configuration));
            }
        }
    }
}
