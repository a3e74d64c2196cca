package cn.parkflow.engine;

import java.sql.Connection;
import java.sql.Statement;
import org.apache.ibatis.executor.statement.StatementHandler;
import org.apache.ibatis.mapping.MappedStatement;
import org.apache.ibatis.plugin.Interceptor;
import org.apache.ibatis.plugin.Intercepts;
import org.apache.ibatis.plugin.Invocation;
import org.apache.ibatis.plugin.Plugin;
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
 * 15th of the department takes 5 ms where fetching all of them and sorting takes 37; for a department
 * with a handful, that same walk reads every open task of every department (590 ms at 100,000) where
 * fetching its own takes less than 1. The price is the plan, about 6 ms a list. Lists without a check
 * (the engine's own) and the count beside a list keep the server's prepared plan: a count reads every
 * row of the department whatever its size.
 */
@Intercepts(@Signature(type = StatementHandler.class, method = "prepare", args = {Connection.class, Integer.class}))
final class TaskListPlannedPerCall implements Interceptor {

    static final String TASK_LIST = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria";

    /**
     * Only a checked task list's handler is wrapped; every other statement goes on as it came. MyBatis
     * would wrap each in a proxy of its own: making them was 2 of 99 samples of S1's walking thread.
     * With the statement's name read for each statement as well, a page's card values (S3) took 1.5 ms
     * more.
     */
    @Override
    public Object plugin(Object target) {
        return target instanceof StatementHandler handler && isCheckedTaskList(handler) ? Plugin.wrap(target, this) : target;
    }

    @Override
    public Object intercept(Invocation invocation) throws Throwable {
        Statement statement = (Statement) invocation.proceed();
        if (statement.isWrapperFor(PGStatement.class)) {
            statement.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
        return statement;
    }

    /** The parameters first, which is cheap; the statement's name only for a checked query. */
    private static boolean isCheckedTaskList(StatementHandler handler) {
        return checkedOurWay(handler.getParameterHandler().getParameterObject()) && TASK_LIST.equals(statementOf(handler).getId());
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
}
