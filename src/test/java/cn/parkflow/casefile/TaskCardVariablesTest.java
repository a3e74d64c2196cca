package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What a Tasklist card of 本部门待办 shows of a task's case, as an officer's Tasklist asks for it.
 * The officer may read the task's variables, not the process instance's: the card's values have to
 * be the task's own.
 */
class TaskCardVariablesTest extends PostgresApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    CaseFile caseFile;
    @Autowired
    RepositoryService repository;
    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;

    @Test
    void shouldShowEveryCardTheCaseNumberAndApplicantAndEachPanelSeatItsSeat() throws Exception {
        repository.createDeployment().name("card-fixture")
                .addModelInstance("card-fixture.bpmn", Bpmn.createExecutableProcess("card-fixture").camundaHistoryTimeToLive(1)
                        .startEvent()
                        .userTask("check").name("形式审查").camundaCandidateGroups("stc")
                        .userTask("review").name("专家评审").camundaCandidateGroups("stc")
                        .multiInstance().parallel().cardinality("2").multiInstanceDone()
                        .endEvent().done())
                .deploy();
        String number = caseFile.open(new NewCase("CRD", "卡片显示", "applicant1", "闵行卡片孵化器", "stc"), "applicant1").number();
        String instance = runtime.startProcessInstanceByKey("card-fixture", number).getId();
        tasks.complete(tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("check").singleResult().getId());

        List<Task> seats = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey("review").list();
        assertThat(seats).hasSize(2);
        for (Task seat : seats) {
            Map<String, String> card = card(seat.getId());
            assertThat(card).containsEntry("caseNumber", number).containsEntry("caseApplicant", "闵行卡片孵化器")
                    .containsKey("taskDeadline");
            assertThat(card.get("taskSeat")).matches("第 [12] 席（共 2 席）");
        }
        assertThat(seats.stream().map(seat -> card(seat.getId()).get("taskSeat")).distinct()).hasSize(2);
    }

    /** The card variables the shared filter 本部门待办 lists for the task, as stc's officer sees them. */
    private Map<String, String> card(String taskId) {
        try {
            String filterId = null;
            for (JsonNode filter : JSON.readTree(http().get("/engine-rest/filter?resourceType=Task", "stc-officer").body())) {
                if ("本部门待办".equals(filter.path("name").asText())) {
                    filterId = filter.path("id").asText();
                }
            }
            HttpResponse<String> listed = http().send(http().request("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
                    "stc-officer").header("Accept", "application/hal+json").GET());
            assertThat(listed.statusCode()).isEqualTo(200);
            JsonNode body = JSON.readTree(listed.body());
            Map<String, String> card = new HashMap<>();
            for (JsonNode task : body.path("_embedded").path("task")) {
                if (taskId.equals(task.path("id").asText())) {
                    for (JsonNode variable : task.path("_embedded").path("variable")) {
                        card.put(variable.path("name").asText(), variable.path("value").asText());
                    }
                }
            }
            return card;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
