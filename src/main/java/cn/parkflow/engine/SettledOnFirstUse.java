package cn.parkflow.engine;

import java.sql.Connection;
import java.util.function.Supplier;
import org.apache.ibatis.session.Configuration;
import org.apache.ibatis.session.ExecutorType;
import org.apache.ibatis.session.SqlSession;
import org.apache.ibatis.session.SqlSessionFactory;
import org.apache.ibatis.session.TransactionIsolationLevel;

/** A MyBatis session factory made by {@code settle} when it is first used, once. */
final class SettledOnFirstUse implements SqlSessionFactory {

    private final Supplier<SqlSessionFactory> settle;
    private volatile SqlSessionFactory settled;

    SettledOnFirstUse(Supplier<SqlSessionFactory> settle) {
        this.settle = settle;
    }

    private SqlSessionFactory settled() {
        SqlSessionFactory factory = settled;
        if (factory == null) {
            synchronized (this) {
                if (settled == null) {
                    settled = settle.get();
                }
                factory = settled;
            }
        }
        return factory;
    }

    @Override
    public Configuration getConfiguration() {
        return settled().getConfiguration();
    }

    @Override
    public SqlSession openSession() {
        return settled().openSession();
    }

    @Override
    public SqlSession openSession(boolean autoCommit) {
        return settled().openSession(autoCommit);
    }

    @Override
    public SqlSession openSession(Connection connection) {
        return settled().openSession(connection);
    }

    @Override
    public SqlSession openSession(TransactionIsolationLevel level) {
        return settled().openSession(level);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType) {
        return settled().openSession(executorType);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, boolean autoCommit) {
        return settled().openSession(executorType, autoCommit);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, TransactionIsolationLevel level) {
        return settled().openSession(executorType, level);
    }

    @Override
    public SqlSession openSession(ExecutorType executorType, Connection connection) {
        return settled().openSession(executorType, connection);
    }
}
