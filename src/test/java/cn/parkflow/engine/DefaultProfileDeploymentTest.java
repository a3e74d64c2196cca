package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The default profile as a new user gets it (embedded H2, demo users, loopback only), and the
 * auto-deployment of models, decisions and forms from bpmn/ and forms/ on the classpath.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:default-profile;DB_CLOSE_ON_EXIT=FALSE")
@Tag("application")
@Tag("isolated") // a JVM of its own: the default profile on H2: a configuration of its own
class DefaultProfileDeploymentTest {

    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    IdentityService identityService;
    @Value("${server.address}")
    String serverAddress;

    @Test
    void shouldDeployModelDecisionAndFormsAndResolveTheFormReferences() throws IOException {
        ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey("foundation-fixture").latestVersion().singleResult();
        assertThat(repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey("foundation-fixture-routing").count()).isOne();
        assertThat(repositoryService.getDeploymentResourceNames(definition.getDeploymentId()))
                .anyMatch(name -> name.endsWith("foundation-fixture-start.form"))
                .anyMatch(name -> name.endsWith("foundation-fixture-task.form"));

        assertThat(formService.getStartFormData(definition.getId()).getCamundaFormRef().getKey())
                .isEqualTo("foundation-fixture-start");
        assertThat(read(formService.getDeployedStartForm(definition.getId())))
                .contains("\"id\": \"foundation-fixture-start\"").contains("事项类型");

        runtimeService.startProcessInstanceByKey("foundation-fixture", "FIX-1", Map.of("topic", "trademark"));
        Task task = taskService.createTaskQuery().processInstanceBusinessKey("FIX-1").singleResult();
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> "amr".equals(link.getGroupId()));
        assertThat(read(formService.getDeployedTaskForm(task.getId()))).contains("办理意见");
    }

    @Test
    void shouldCreateDemoUsersAndListenOnLoopbackOnly() {
        assertThat(serverAddress).isEqualTo("127.0.0.1");
        assertThat(identityService.checkPassword("stc-officer", "stc-officer")).isTrue();
        assertThat(identityService.createUserQuery().memberOfGroup("ip-station").userId("ip-station-officer").count())
                .isOne();
        assertThat(identityService.createUserQuery().memberOfGroup("supervision").userId("supervisor").count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup("experts").count())
                .as("seven, so that a declared conflict still leaves five seats").isEqualTo(7);
        assertThat(identityService.createUserQuery().memberOfGroup("applicants").count()).isEqualTo(2);
    }

    private static String read(InputStream stream) throws IOException {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
