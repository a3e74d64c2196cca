package cn.parkflow.engine;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** A data source that counts the statements sent to the database: each execution, and each batch as one. */
final class StatementsSent {

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeUpdate", "executeQuery", "executeBatch");

    private final AtomicInteger sent = new AtomicInteger();
    private final DataSource dataSource;

    StatementsSent(DataSource target) {
        this.dataSource = new DelegatingDataSource(target) {
            @Override
            public Connection getConnection() throws SQLException {
                Connection connection = super.getConnection();
                return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class},
                        (proxy, method, args) -> {
                            Object result = call(method, connection, args);
                            return result instanceof PreparedStatement statement ? counted(statement) : result;
                        });
            }
        };
    }

    DataSource dataSource() {
        return dataSource;
    }

    int count() {
        return sent.get();
    }

    void reset() {
        sent.set(0);
    }

    private PreparedStatement counted(PreparedStatement statement) {
        return (PreparedStatement) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{PreparedStatement.class},
                (proxy, method, args) -> {
                    if (EXECUTIONS.contains(method.getName())) {
                        sent.incrementAndGet();
                    }
                    return call(method, statement, args);
                });
    }

    private static Object call(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
