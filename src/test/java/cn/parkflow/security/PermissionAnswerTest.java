package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.camunda.bpm.engine.impl.db.PermissionCheckBuilder;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * {@link LeanAuthorizationManager} answers every command check as Camunda's own manager does: both
 * are asked the same random checks (one to four atomic checks on tasks and process definitions, any
 * and every of them) for random callers, over random worlds of grants, revokes and global
 * authorizations of users, groups and every user, with revokes checked always, never and as found.
 */
class PermissionAnswerTest {

    private static final List<String> USERS = List.of("officer", "colleague");
    private static final List<String> GROUPS = List.of("stc", "econ", "experts");
    private static final List<String> TASKS = List.of("task-1", "task-2", "*");
    private static final List<String> KEYS = List.of("incubator-certification", "*");
    private static final ProcessEngineConfigurationImpl configuration = configuration();
    private static final ProcessEngine engine = configuration.buildProcessEngine();

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void shouldAnswerEveryCommandCheckAsCamundasManagerDoes() {
        Random random = new Random(17);
        int compared = 0;
        int granted = 0;
        for (int world = 0; world < 80; world++) {
            List<String> authorizations = randomWorld(random, 4 + random.nextInt(20));
            for (String revokes : List.of("always", "never", "auto")) {
                configuration.setAuthorizationCheckRevokes(revokes);
                for (int i = 0; i < 20; i++) {
                    String user = random.nextInt(6) == 0 ? null : USERS.get(random.nextInt(USERS.size()));
                    List<String> groups = GROUPS.stream().filter(group -> random.nextBoolean()).toList();
                    // the builder asks the command's engine which permissions are enabled
                    CompositePermissionCheck check = configuration.getCommandExecutorTxRequired()
                            .execute(context -> randomCheck(random));
                    boolean[] answers = configuration.getCommandExecutorTxRequired().execute(context -> new boolean[] {
                            new AuthorizationManager().isAuthorized(user, groups, check),
                            new LeanAuthorizationManager(null).isAuthorized(user, groups, check)});
                    assertThat(answers[1]).as("%s for %s in %s, revokes %s, among %s", describe(check), user, groups,
                            revokes, authorizations).isEqualTo(answers[0]);
                    compared++;
                    granted += answers[0] ? 1 : 0;
                }
            }
        }
        assertThat(compared).isEqualTo(80 * 3 * 20);
        assertThat(granted).as("the random worlds grant some checks and refuse others").isBetween(compared / 10, compared * 9 / 10);
    }

    private static List<String> randomWorld(Random random, int count) {
        AuthorizationService authorizations = engine.getAuthorizationService();
        authorizations.createAuthorizationQuery().list().forEach(old -> authorizations.deleteAuthorization(old.getId()));
        Set<String> taken = new HashSet<>();
        List<String> described = new ArrayList<>();
        while (described.size() < count) {
            int type = random.nextInt(3);
            boolean onTask = random.nextBoolean();
            Resource resource = onTask ? Resources.TASK : Resources.PROCESS_DEFINITION;
            String resourceId = pick(random, onTask ? TASKS : KEYS);
            String user = type == Authorization.AUTH_TYPE_GLOBAL ? "*" : random.nextBoolean() ? pick(random, USERS) : null;
            String group = type != Authorization.AUTH_TYPE_GLOBAL && user == null ? pick(random, GROUPS) : null;
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
                    + " " + resource.resourceName() + ":" + resourceId + " perms " + Integer.toBinaryString(
                    ((org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity) authorization).getPermissions()));
        }
        return described;
    }

    private static CompositePermissionCheck randomCheck(Random random) {
        PermissionCheckBuilder builder = new PermissionCheckBuilder();
        builder = random.nextBoolean() ? builder.disjunctive() : builder.conjunctive();
        for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
            boolean onTask = random.nextBoolean();
            Resource resource = onTask ? Resources.TASK : Resources.PROCESS_DEFINITION;
            List<String> ids = new ArrayList<>(onTask ? TASKS : KEYS);
            ids.add(null);
            builder.atomicCheckForResourceId(resource, ids.get(random.nextInt(ids.size())), pick(random, permissions(resource)));
        }
        return builder.build();
    }

    private static List<Permission> permissions(Resource resource) {
        Permission[] all = resource == Resources.TASK ? TaskPermissions.values() : ProcessDefinitionPermissions.values();
        return Arrays.stream(all).filter(permission -> permission.getValue() != 0 && permission.getValue() != Integer.MAX_VALUE)
                .toList();
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String describe(CompositePermissionCheck check) {
        return (check.isDisjunctive() ? "any of " : "all of ") + check.getAtomicChecks().stream()
                .map(PermissionAnswerTest::describe).toList();
    }

    private static String describe(PermissionCheck check) {
        return check.getPermission().getName() + " on " + check.getResource().resourceName() + ":" + check.getResourceId();
    }

    private static ProcessEngineConfigurationImpl configuration() {
        StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName("permission-answer");
        configuration.setJdbcUrl("jdbc:h2:mem:permission-answer;DB_CLOSE_DELAY=-1");
        configuration.setAuthorizationEnabled(true);
        configuration.setJobExecutorActivate(false);
        return configuration;
    }
}
