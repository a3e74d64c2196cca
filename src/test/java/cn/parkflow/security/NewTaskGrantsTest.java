package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.RecordedStatements;
import java.util.List;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A new task's candidate grants are written as Camunda writes them, without first looking in the
 * database for a grant the task cannot have yet (issue 17); a task that already exists is looked up.
 */
class NewTaskGrantsTest {

    @RegisterExtension
    static final RecordedStatements statements = new RecordedStatements();
    private static final ProcessEngine engine = statements.engine("new-task-grants", configuration -> {
        configuration.setAuthorizationEnabled(true);
        configuration.setResourceAuthorizationProvider(new NewTaskGrants());
    });

    @Test
    void shouldGrantANewTasksCandidatesWithoutLookingForEarlierGrants() {
        engine.getRepositoryService().createDeployment().addModelInstance("review.bpmn",
                Bpmn.createExecutableProcess("review").camundaHistoryTimeToLive(1).startEvent()
                        .userTask("Task_Review").camundaCandidateGroups("stc, econ").camundaCandidateUsers("expert")
                        .endEvent().done()).deploy();

        statements.clear();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("review").getId();
        List<String> started = List.copyOf(statements.statements());
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();

        assertThat(started).as("the start wrote the grants and read none")
                .anyMatch(sql -> sql.matches("(?is)\\s*insert\\s+into\\s+ACT_RU_AUTHORIZATION.*"))
                .noneMatch(sql -> sql.matches("(?is).*from\\s+ACT_RU_AUTHORIZATION.*"));
        assertThat(grants(task)).extracting(grant -> grant.getGroupId() != null ? grant.getGroupId() : grant.getUserId())
                .as("one grant for each candidate, as Camunda writes them").containsExactlyInAnyOrder("stc", "econ", "expert");
        assertThat(grants(task)).as("Camunda's default for a candidate: read and update (which lets him complete)")
                .allMatch(grant -> grant.isPermissionGranted(TaskPermissions.READ) && grant.isPermissionGranted(TaskPermissions.UPDATE));
        assertThat(engine.getAuthorizationService().isUserAuthorized("officer", List.of("stc"),
                TaskPermissions.UPDATE, Resources.TASK, task.getId())).isTrue();
        assertThat(engine.getAuthorizationService().isUserAuthorized("officer", List.of("drc"),
                TaskPermissions.UPDATE, Resources.TASK, task.getId())).isFalse();

        // a candidate added to the existing task again updates its grant instead of writing a second
        engine.getTaskService().addCandidateGroup(task.getId(), "stc");
        engine.getTaskService().addCandidateGroup(task.getId(), "drc");
        assertThat(grants(task)).extracting(grant -> grant.getGroupId() != null ? grant.getGroupId() : grant.getUserId())
                .containsExactlyInAnyOrder("stc", "econ", "expert", "drc");
    }

    private static List<Authorization> grants(Task task) {
        return engine.getAuthorizationService().createAuthorizationQuery().resourceType(Resources.TASK)
                .resourceId(task.getId()).list();
    }
}
