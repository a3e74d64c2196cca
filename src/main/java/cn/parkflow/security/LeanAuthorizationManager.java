package cn.parkflow.security;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import cn.parkflow.engine.TransactionBatch;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Camunda's authorization manager with two of its costs taken out (issue 17); every answer stays
 * Camunda's.
 * <ul>
 *   <li><b>No scan of the grant table in every command.</b> Before its first check in a command
 *       Camunda narrows the caller's groups to those that hold any grant, reading
 *       {@code SELECT DISTINCT GROUP_ID_ FROM ACT_RU_AUTHORIZATION}; with a candidate grant for every
 *       open task that reads every grant (30–47 ms a command at 100,000 open tasks). The narrowing
 *       only shortens the list of groups the check's SQL names: a group that holds no grant matches
 *       no authorization row, so every check answers the same with the caller's groups as given.</li>
 *   <li><b>A command's permission check read, not built.</b> The checks a command makes (e.g. the
 *       task-work check of every completion) read the caller's rows on the named resources with one
 *       fixed statement and are answered by {@link PermissionAnswer}, instead of by a statement of
 *       nested CASE expressions that MyBatis builds anew for every check. Query checks (the
 *       authorization filter of a task list) stay Camunda's.</li>
 *   <li><b>The grants of an ended task deleted with the kernel's rows.</b> Completing a task deletes
 *       the grants on it in a statement of their own, one round trip of every completion; in a
 *       Spring transaction the delete waits instead for the transaction's other kernel rows
 *       ({@link TransactionBatch}) and goes with them before the commit. The task's row is gone by
 *       then, so no check can find its grants useful in between.</li>
 * </ul>
 */
final class LeanAuthorizationManager extends AuthorizationManager {

    private final JdbcTemplate jdbc;

    /** {@code jdbc}: on the engine's database, for the deletes that wait for the commit; null for none. */
    LeanAuthorizationManager(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deleteAuthorizationsByResourceId(Resource resource, String resourceId) {
        boolean waits = jdbc != null && resource == Resources.TASK && resourceId != null && isAuthorizationEnabled()
                && new TransactionBatch(jdbc, "DELETE FROM " + Context.getProcessEngineConfiguration().getDatabaseTablePrefix()
                        + "ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = ? AND RESOURCE_ID_ = ?")
                        .addBeforeCommit(resource.resourceType(), resourceId);
        if (!waits) { // no Spring transaction: Camunda's delete, in the engine's flush
            super.deleteAuthorizationsByResourceId(resource, resourceId);
        }
    }

    @Override
    public List<String> filterAuthenticatedGroupIds(List<String> authenticatedGroupIds) {
        return authenticatedGroupIds == null ? new ArrayList<>() : new ArrayList<>(authenticatedGroupIds);
    }

    @Override
    public boolean isAuthorized(String userId, List<String> groupIds, CompositePermissionCheck check) {
        if (!PermissionAnswer.answers(check)
                || !check.getAllPermissionChecks().stream().allMatch(this::isResourceValidForPermission)) {
            return super.isAuthorized(userId, groupIds, check); // Camunda's, with its refusal of an invalid check
        }
        List<String> groups = filterAuthenticatedGroupIds(groupIds);
        return new PermissionAnswer(rows(userId, groups, check.getAtomicChecks()), userId, groups,
                isRevokeAuthCheckEnabled(userId, groupIds)).isAuthorized(check);
    }

    /** The user's, his groups' and the global authorizations on the checks' resources (and on every resource). */
    private List<PermissionAnswer.Row> rows(String userId, List<String> groups, List<PermissionCheck> checks) {
        Set<Integer> types = new LinkedHashSet<>();
        Set<String> ids = new LinkedHashSet<>(Set.of("*"));
        for (PermissionCheck check : checks) {
            types.add(check.getResourceType());
            if (check.getResourceId() != null) {
                ids.add(check.getResourceId());
            }
        }
        String sql = "SELECT TYPE_, USER_ID_, GROUP_ID_, RESOURCE_TYPE_, RESOURCE_ID_, PERMS_ FROM "
                + Context.getProcessEngineConfiguration().getDatabaseTablePrefix() + "ACT_RU_AUTHORIZATION"
                + " WHERE RESOURCE_TYPE_ IN (" + marks(types.size()) + ") AND RESOURCE_ID_ IN (" + marks(ids.size())
                + ") AND (USER_ID_ IN (?, '*')" + (groups.isEmpty() ? "" : " OR GROUP_ID_ IN (" + marks(groups.size()) + ")") + ")";
        Connection connection = getDbSqlSession().getSqlSession().getConnection();
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int index = 1;
            for (Integer type : types) {
                statement.setInt(index++, type);
            }
            for (String id : ids) {
                statement.setString(index++, id);
            }
            statement.setString(index++, userId);
            for (String group : groups) {
                statement.setString(index++, group);
            }
            List<PermissionAnswer.Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new PermissionAnswer.Row(result.getInt(1), result.getString(2), result.getString(3),
                            result.getInt(4), result.getString(5), result.getInt(6)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not read the authorizations of " + userId, e);
        }
    }

    private static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    /** Makes the engine open this manager wherever it would open Camunda's; {@code jdbc} on the engine's database. */
    static void install(ProcessEngineConfigurationImpl configuration, JdbcTemplate jdbc) {
        List<SessionFactory> factories = configuration.getCustomSessionFactories() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomSessionFactories());
        factories.add(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return AuthorizationManager.class;
            }

            @Override
            public Session openSession() {
                return new LeanAuthorizationManager(jdbc);
            }
        });
        configuration.setCustomSessionFactories(factories);
    }
}
