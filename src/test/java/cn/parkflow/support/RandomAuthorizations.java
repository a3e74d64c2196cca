package cn.parkflow.support;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;

/**
 * Random worlds of authorizations (grants, revokes and global ones of two users, three groups and
 * every user, on the given resources by id and by {@code *}, each with a random third of the
 * resource's permissions) and random permission checks on them, for tests that compare two ways of
 * answering Camunda's checks.
 */
public final class RandomAuthorizations {

    public static final List<String> USERS = List.of("officer", "colleague");
    public static final List<String> GROUPS = List.of("stc", "econ", "experts");

    private final Random random;
    private final LinkedHashMap<Resource, List<String>> resourceIds = new LinkedHashMap<>();

    public RandomAuthorizations(Random random) {
        this.random = random;
    }

    /** Names {@code resource} in authorizations and checks, with these ids ({@code *} among them). */
    public RandomAuthorizations on(Resource resource, List<String> ids) {
        resourceIds.put(resource, ids);
        return this;
    }

    /** Replaces every authorization with 4 to 23 random ones; returns them, described. */
    public List<String> replaceAll(AuthorizationService authorizations) {
        int count = 4 + random.nextInt(20);
        authorizations.createAuthorizationQuery().list().forEach(old -> authorizations.deleteAuthorization(old.getId()));
        Set<String> taken = new HashSet<>();
        List<String> described = new ArrayList<>();
        while (described.size() < count) {
            int type = random.nextInt(3);
            Resource resource = pick(List.copyOf(resourceIds.keySet()));
            String resourceId = pick(resourceIds.get(resource));
            String user = type == Authorization.AUTH_TYPE_GLOBAL ? "*" : random.nextBoolean() ? pick(USERS) : null;
            String group = type != Authorization.AUTH_TYPE_GLOBAL && user == null ? pick(GROUPS) : null;
            if (!taken.add(type + "|" + user + "|" + group + "|" + resource.resourceType() + "|" + resourceId)) {
                continue;
            }
            Authorization authorization = authorizations.createNewAuthorization(type);
            authorization.setUserId(user);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
            for (Permission permission : permissions(resource)) {
                if (random.nextInt(3) == 0) {
                    if (type == Authorization.AUTH_TYPE_REVOKE) {
                        authorization.removePermission(permission);
                    } else {
                        authorization.addPermission(permission);
                    }
                }
            }
            authorizations.saveAuthorization(authorization);
            described.add(List.of("global", "grant", "revoke").get(type) + " " + (user != null ? user : "group " + group)
                    + " " + resource.resourceName() + ":" + resourceId + " " + Arrays.toString(
                    authorization.getPermissions(permissions(resource).toArray(Permission[]::new))));
        }
        return described;
    }

    /**
     * One to {@code atMost} atomic checks of a random permission on a random resource id (or none),
     * any or all of them. Call it inside a command: the builder asks the engine which permissions are enabled.
     */
    public CompositePermissionCheck check(int atMost) {
        PermissionCheckBuilder builder = random.nextBoolean() ? new PermissionCheckBuilder().disjunctive()
                : new PermissionCheckBuilder().conjunctive();
        for (int i = 0, n = 1 + random.nextInt(atMost); i < n; i++) {
            Resource resource = pick(List.copyOf(resourceIds.keySet()));
            List<String> ids = new ArrayList<>(resourceIds.get(resource));
            ids.add(null);
            builder.atomicCheckForResourceId(resource, pick(ids), pick(permissions(resource)));
        }
        return builder.build();
    }

    /** A random subset of the groups. */
    public List<String> groups() {
        return GROUPS.stream().filter(group -> random.nextBoolean()).toList();
    }

    public <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    public static String describe(CompositePermissionCheck check) {
        return (check.isDisjunctive() ? "any of " : "all of ") + check.getAtomicChecks().stream()
                .map(atomic -> atomic.getPermission().getName() + " on " + atomic.getResource().resourceName() + ":"
                        + atomic.getResourceId()).toList();
    }

    private static List<Permission> permissions(Resource resource) {
        Permission[] all = resource == Resources.TASK ? TaskPermissions.values()
                : resource == Resources.PROCESS_INSTANCE ? ProcessInstancePermissions.values()
                : ProcessDefinitionPermissions.values();
        return Arrays.stream(all).filter(permission -> permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE)
                .toList();
    }
}
