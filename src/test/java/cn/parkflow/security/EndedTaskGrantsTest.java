package cn.parkflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The grants on a task end with it, in the transaction that ends it (their delete waits for the
 * kernel's rows of that transaction, issue 17): gone when it commits, kept when it rolls back.
 */
class EndedTaskGrantsTest extends PostgresApplicationTest {

    private static final String PROCESS = "ended-task-grants";
    private static boolean deployed;

    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    AuthorizationService authorizations;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void shouldKeepTheGrantsOfATaskWhoseCompletionRollsBackAndDropThemWhenItCommits() {
        Task task = start("GRT-2026-0001");
        assertThat(grantedGroups(task)).containsExactly("stc");

        transaction.executeWithoutResult(status -> {
            tasks.complete(task.getId());
            status.setRollbackOnly();
        });
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the completion rolled back").isOne();
        assertThat(grantedGroups(task)).containsExactly("stc");

        transaction.executeWithoutResult(status -> tasks.complete(task.getId()));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(grantedGroups(task)).as("the ended task's grants are gone").isEmpty();
    }

    @Test
    void shouldDropTheGrantsOfATaskCompletedInATransactionOfItsOwn() {
        Task task = start("GRT-2026-0002");

        tasks.complete(task.getId());

        assertThat(grantedGroups(task)).isEmpty();
    }

    private Task start(String caseNumber) {
        if (!deployed) {
            repository.createDeployment().addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS)
                    .camundaHistoryTimeToLive(1).startEvent()
                    .userTask("Task_Check").name("核对").camundaCandidateGroups("stc").endEvent().done()).deploy();
            deployed = true;
        }
        String instance = runtime.startProcessInstanceByKey(PROCESS, caseNumber).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private List<String> grantedGroups(Task task) {
        return authorizations.createAuthorizationQuery().resourceType(Resources.TASK).resourceId(task.getId()).list()
                .stream().map(grant -> grant.getGroupId()).toList();
    }
}
