package cn.parkflow.security;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.el.ProcessEngineElContext;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.impl.juel.jakarta.el.BeanELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.CompositeELResolver;
import org.camunda.bpm.impl.juel.jakarta.el.ELContext;
import org.camunda.bpm.impl.juel.jakarta.el.ExpressionFactory;
import org.joda.time.DateTime;
import org.springframework.context.ApplicationContext;

/**
 * Spring's expression manager, except for query expressions (the only expressions the engine
 * evaluates without a variable scope, see {@code AbstractQuery.evaluateExpressions}). Those may
 * come from a user, stored in a filter or sent with a query, so they resolve in a context with no
 * bean resolver and no reflection on arbitrary objects: the query functions
 * ({@code currentUser()}, {@code currentUserGroups()}, {@code now()}, {@code dateTime()}) and
 * date arithmetic on {@code dateTime()} work, {@code ${statutoryClock.extend(…)}} does not.
 */
class QueryExpressionManager extends SpringExpressionManager {

    private final CompositeELResolver queryResolver = new CompositeELResolver();

    QueryExpressionManager(ApplicationContext applicationContext, Map<Object, Object> beans) {
        super(applicationContext, beans);
        queryResolver.add(new DateTimeArithmetic());
    }

    @Override
    public ELContext getElContext(VariableScope variableScope) {
        return variableScope == null ? queryContext() : super.getElContext(variableScope);
    }

    /** A new context each time, as the engine makes one for every scope-less evaluation. */
    private ELContext queryContext() {
        ensureInitialized();
        ProcessEngineElContext context = new ProcessEngineElContext(functionMapper, queryResolver);
        context.putContext(ExpressionFactory.class, expressionFactory);
        return context;
    }

    /** Method calls on Joda {@link DateTime} values only, e.g. {@code ${dateTime().plusDays(2)}}. */
    private static final class DateTimeArithmetic extends BeanELResolver {

        DateTimeArithmetic() {
            super(true);
        }

        @Override
        public Object invoke(ELContext context, Object base, Object method, Class<?>[] paramTypes, Object[] params) {
            return base instanceof DateTime ? super.invoke(context, base, method, paramTypes, params) : null;
        }

        @Override
        public Object getValue(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public Class<?> getType(ELContext context, Object base, Object property) {
            return null;
        }

        @Override
        public boolean isReadOnly(ELContext context, Object base, Object property) {
            return true;
        }

        @Override
        public void setValue(ELContext context, Object base, Object property, Object value) {
            // read only
        }
    }
}
