package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.RandomAuthorizations;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.db.CompositePermissionCheck;
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

    /** Nobody logged in, in one of six checks. */
    private static final List<String> CALLERS = Arrays.asList(null, "officer", "colleague", "officer", "colleague", "officer");

    private static final ProcessEngineConfigurationImpl configuration = configuration();
    private static final ProcessEngine engine = configuration.buildProcessEngine();

    @AfterAll
    static void close() {
        engine.close();
    }

    @Test
    void shouldAnswerEveryCommandCheckAsCamundasManagerDoes() {
        RandomAuthorizations random = new RandomAuthorizations(new Random(17))
                .on(Resources.TASK, List.of("task-1", "task-2", "*"))
                .on(Resources.PROCESS_DEFINITION, List.of("incubator-certification", "*"));
        int compared = 0;
        int granted = 0;
        for (int world = 0; world < 80; world++) {
            List<String> authorizations = random.replaceAll(engine.getAuthorizationService());
            for (String revokes : List.of("always", "never", "auto")) {
                configuration.setAuthorizationCheckRevokes(revokes);
                for (int i = 0; i < 20; i++) {
                    String user = random.pick(CALLERS);
                    List<String> groups = random.groups();
                    // the builder asks the command's engine which permissions are enabled
                    CompositePermissionCheck check = configuration.getCommandExecutorTxRequired()
                            .execute(context -> random.check(4));
                    boolean[] answers = configuration.getCommandExecutorTxRequired().execute(context -> new boolean[] {
                            new AuthorizationManager().isAuthorized(user, groups, check),
                            new LeanAuthorizationManager(null).isAuthorized(user, groups, check)});
                    assertThat(answers[1]).as("%s for %s in %s, revokes %s, among %s", RandomAuthorizations.describe(check), user, groups,
                            revokes, authorizations).isEqualTo(answers[0]);
                    compared++;
                    granted += answers[0] ? 1 : 0;
                }
            }
        }
        assertThat(compared).isEqualTo(80 * 3 * 20);
        assertThat(granted).as("the random worlds grant some checks and refuse others").isBetween(compared / 10, compared * 9 / 10);
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
