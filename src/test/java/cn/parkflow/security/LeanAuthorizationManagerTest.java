package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.parkflow.support.RecordedStatements;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Authorization checks answer as Camunda's do, with the caller's groups as given, and no command
 * reads every group of the grant table first (issue 17).
 */
class LeanAuthorizationManagerTest {

    @RegisterExtension
    static final RecordedStatements statements = new RecordedStatements();
    private static final ProcessEngine engine = statements.engine("unnarrowed", configuration -> {
        configuration.setAuthorizationEnabled(true);
        LeanAuthorizationManager.install(configuration, null);
    });

    @Test
    void shouldCheckAnOfficersTasksByHisGroupsWithoutScanningTheGrantTable() {
        deploy("stc-review", "stc");
        deploy("zerobay-inspection", "zerobay");
        String own = engine.getRuntimeService().startProcessInstanceByKey("stc-review").getId();
        String other = engine.getRuntimeService().startProcessInstanceByKey("zerobay-inspection").getId();
        String ownTask = taskOf(own).getId();
        String otherTask = taskOf(other).getId();

        statements.clear();
        engine.getIdentityService().setAuthentication("officer", List.of("no-grant-at-all", "stc"));
        try {
            assertThat(engine.getTaskService().createTaskQuery().list()).extracting(Task::getId)
                    .as("the officer sees his department's task and no other").containsExactly(ownTask);
            assertThatThrownBy(() -> engine.getTaskService().complete(otherTask))
                    .as("another department's task is refused").isInstanceOf(AuthorizationException.class);
            engine.getTaskService().complete(ownTask);
        } finally {
            engine.getIdentityService().clearAuthentication();
        }

        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(own).count()).isZero();
        assertThat(statements.statements()).as("checks of three commands, none reading every grant's group")
                .anyMatch(sql -> sql.contains("ACT_RU_AUTHORIZATION"))
                .noneMatch(sql -> sql.matches("(?i).*select\\s+distinct\\W*(\\w+\\.)?GROUP_ID_\\W*from ACT_RU_AUTHORIZATION.*"));
    }

    private static void deploy(String key, String department) {
        engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_" + department).camundaCandidateGroups(department).endEvent().done()).deploy();
    }

    private static Task taskOf(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }
}
