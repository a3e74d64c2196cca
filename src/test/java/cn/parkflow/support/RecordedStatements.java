package cn.parkflow.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An in-memory H2 data source that notes the SQL of every statement prepared on it, for tests that
 * count what an engine command sends to the database. Registered as a test class's extension
 * ({@code @RegisterExtension static}), it closes the engine it built after the class's tests.
 */
public final class RecordedStatements implements AfterAllCallback {

    private final List<String> statements = new CopyOnWriteArrayList<>();
    private final DataSource dataSource;
    private ProcessEngine engine;

    public RecordedStatements() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:recorded-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        dataSource = recording(h2);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * A standalone engine on this data source: a schema of its own, a unique name, and one statement
     * per entity (no JDBC batching), so that every statement is seen; {@code setUp} adds what the
     * test needs before it is built.
     */
    public ProcessEngine engine(String name, Consumer<StandaloneInMemProcessEngineConfiguration> setUp) {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setDataSource(dataSource);
        configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_CREATE_DROP);
        configuration.setProcessEngineName(name + "-" + UUID.randomUUID());
        configuration.setJdbcBatchProcessing(false);
        setUp.accept(configuration);
        engine = configuration.buildProcessEngine();
        return engine;
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (engine != null) {
            engine.close();
        }
    }

    /** Forgets what was recorded so far. */
    public void clear() {
        statements.clear();
    }

    /** The statements prepared since the last {@link #clear()}, whitespace collapsed. */
    public List<String> statements() {
        return List.copyOf(statements);
    }

    private DataSource recording(DataSource target) {
        ClassLoader loader = RecordedStatements.class.getClassLoader();
        return (DataSource) Proxy.newProxyInstance(loader, new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
            Object result = invoke(method, target, args);
            if (!(result instanceof Connection connection)) {
                return result;
            }
            return Proxy.newProxyInstance(loader, new Class<?>[] {Connection.class}, (p, m, a) -> {
                if (m.getName().startsWith("prepare") && a != null && a[0] instanceof String sql) {
                    statements.add(sql.replaceAll("\\s+", " ").trim());
                }
                return invoke(m, connection, a);
            });
        });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
