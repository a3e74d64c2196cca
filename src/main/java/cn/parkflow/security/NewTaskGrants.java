package cn.parkflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Objects;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.entitymanager.cache.DbEntityCache;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * Camunda's grants for a task's candidates, assignee and owner, without a database look-up for a
 * task the command itself created (issue 17). Before it writes the grant for a task's new candidate
 * group, Camunda looks for the grant that group may already hold on the task: one round trip for
 * every new task. A task made in this command can hold only grants this same command made, and those
 * are still in the command's entity cache, so for such a task the cache is searched instead; for
 * every other task Camunda's look-up runs as before.
 */
final class NewTaskGrants extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity getGrantAuthorization(String taskId, String userId, String groupId, Resource resource) {
        DbEntityCache cache = Context.getCommandContext().getDbEntityManager().getDbEntityCache();
        TaskEntity task = cache.get(TaskEntity.class, taskId);
        if (task == null || !cache.isTransient(task)) {
            return super.getGrantAuthorization(taskId, userId, groupId, resource);
        }
        return cache.getEntitiesByType(AuthorizationEntity.class).stream()
                .filter(grant -> grant.getAuthorizationType() == AUTH_TYPE_GRANT
                        && grant.getResourceType() == resource.resourceType()
                        && taskId.equals(grant.getResourceId())
                        && Objects.equals(userId, grant.getUserId())
                        && Objects.equals(groupId, grant.getGroupId())
                        && !cache.isDeleted(grant))
                .findFirst().orElse(null);
    }
}
