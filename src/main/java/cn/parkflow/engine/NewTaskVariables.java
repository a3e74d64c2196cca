package cn.parkflow.engine;

import java.lang.reflect.Field;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableCollectionProvider;
import org.camunda.bpm.engine.impl.core.variable.scope.VariableStore;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * A task that is being created has no variables in the database yet, but the engine's variable
 * store of the task does not know that: the first task-local variable a create listener sets
 * (the task's deadline, its case number) would make it read the task's variables with a SELECT
 * that cannot find any (issue 17: one round trip per task). Telling the store that it starts
 * empty saves that read; variables a model's own listener already set are kept (the store is then
 * initialised and left alone).
 */
final class NewTaskVariables {

    private static final Field STORE = storeField();

    private NewTaskVariables() {
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static void startEmpty(DelegateTask task) {
        if (STORE == null || !(task instanceof TaskEntity entity)) {
            return;
        }
        try {
            VariableStore store = (VariableStore) STORE.get(entity);
            if (store != null && !store.isInitialized()) {
                store.setVariablesProvider(VariableCollectionProvider.emptyVariables());
            }
        } catch (IllegalAccessException e) {
            // not reachable once the field is accessible; the store then reads as before
        }
    }

    private static Field storeField() {
        try {
            Field field = TaskEntity.class.getDeclaredField("variableStore");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null; // another engine version: the store reads as it always did
        }
    }
}
