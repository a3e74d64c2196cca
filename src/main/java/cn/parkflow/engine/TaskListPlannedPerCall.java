package cn.parkflow.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Signature;
import org.apache.ibatis.reflection.SystemMetaObject;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.postgresql.PGStatement;

/**
 * On PostgreSQL, an authorization-checked task list (本部门待办, and every list Tasklist shows) is
 * planned for the values of each call, never once for all.
 *
 * <p>After five calls of the same statement on a connection the JDBC driver prepares it on the
 * server, and the server soon keeps one plan for every value. With our contextual check
 * ({@code db/camunda/authorization-check.postgres.xml}) the best plan of a list depends on the caller:
 * for a department with thousands of open tasks, reading tasks in the page's order and stopping at the
 * 15th of the department takes 5 ms where fetching all of them and sorting takes 40; for a department
 * with a handful, that same walk reads every open task of every department (590 ms at 100,000) where
 * fetching its own takes less than 1. The price is the plan, about 6 ms a list. Lists without a check
 * (the engine's own) and the count beside a list keep the server's prepared plan: a count reads every
 * row of the department whatever its size.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class TaskListPlannedPerCall implements Interceptor {

    static final String TASK_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        StatementHandler handler = (StatementHandler) invocation.getTarget();
        if (checkedOurWay(handler.getParameterHandler().getParameterObject()) && TASK_LIST.equals(statementOf(handler).getId())) {
            plannedPerCall(statement);
        }
        return statement;
    }

    /** The mapped statement of MyBatis's routing handler, through its delegate. */
    private static MappedStatement statementOf(StatementHandler handler) {
        return (MappedStatement) SystemMetaObject.forObject(handler).getValue("delegate.mappedStatement");
    }

    /**
     * Whether the query's SQL carries our form of the contextual check: the properties its mapping
     * tests (checked, a user, revokes checked), read as MyBatis reads them.
     */
    private static boolean checkedOurWay(Object query) {
        if (!(query instanceof ListQueryParameterObject parameters)) {
            return false;
        }
        AuthorizationCheck check = parameters.getAuthCheck();
        return check.getShouldPerformAuthorizatioCheck() && check.getAuthUserId() != null
                && check.isRevokeAuthorizationCheckEnabled();
    }

    private static void plannedPerCall(Statement statement) throws SQLException {
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
    }
}
