package cn.parkflow.casefile;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.WebappSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a Tasklist card of 本部门待办 and a task's form show of a task's case, as an officer's Tasklist
 * asks for them. The officer may read the task's variables, not the process instance's: the values
 * come as the task's own, worked out when read (nothing of them is stored with the task).
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
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void shouldShowEveryCardTheCaseNumberAndApplicantAndEachPanelSeatItsSeat() throws IOException {
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
        Map<String, Map<String, String>> cards = cards();
        for (Task seat : seats) {
            Map<String, String> card = cards.get(seat.getId());
            assertThat(card).containsEntry("caseNumber", number).containsEntry("caseApplicant", "闵行卡片孵化器")
                    .containsKey("taskDeadline");
            assertThat(card.get("taskSeat")).matches("第 [12] 席（共 2 席）");
        }
        assertThat(seats.stream().map(seat -> cards.get(seat.getId()).get("taskSeat")).distinct()).hasSize(2);
    }

    /**
     * The applicant is remembered across transactions, but only once the transaction that read it
     * commits: a case opened and started in a transaction that rolls back leaves its number free, and
     * the next case that takes the number shows its own applicant.
     */
    @Test
    void shouldShowTheApplicantOfTheCaseThatHoldsTheNumberAfterARolledBackOpening() throws IOException {
        deployOneStep("card-rollback");
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String abandoned = transaction.execute(status -> {
            String number = caseFile.open(new NewCase("RBK", "撤回的申报", "applicant1", "撤回孵化器", "stc"), "applicant1").number();
            runtime.startProcessInstanceByKey("card-rollback", number);
            status.setRollbackOnly();
            return number;
        });

        String number = caseFile.open(new NewCase("RBK", "正式申报", "applicant2", "正式孵化器", "stc"), "applicant2").number();
        String instance = runtime.startProcessInstanceByKey("card-rollback", number).getId();

        assertThat(number).as("the rolled-back opening left its number free").isEqualTo(abandoned);
        Task check = tasks.createTaskQuery().processInstanceId(instance).singleResult();
        assertThat(cards().get(check.getId())).containsEntry("caseNumber", number).containsEntry("caseApplicant", "正式孵化器");
    }

    @Test
    void shouldGiveTheFormTheCaseNumberAndTheDeadlineInWordsAndFollowTheDueDate() throws IOException {
        String number = caseFile.open(new NewCase("FRM", "表单显示", "applicant1", "表单孵化器", "stc"), "applicant1").number();
        Task check = oneStepTask("card-form", number);
        assertThat(tasks.getVariablesLocal(check.getId())).as("nothing stored with the task").isEmpty();

        assertThat(formVariables("/engine-rest/task/" + check.getId() + "/form-variables"))
                .containsEntry("caseNumber", number).containsEntry("caseApplicant", "表单孵化器")
                .containsEntry("taskDeadline", "未设定");

        check.setDueDate(Date.from(LocalDateTime.parse("2026-03-09T17:30")
                .atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
        tasks.saveTask(check);
        WebappSession officer = WebappSession.login(http(), "tasklist", "stc-officer");
        HttpResponse<String> webapp = officer.get("/camunda/api/engine/engine/default/task/" + check.getId() + "/form-variables");
        assertThat(webapp.statusCode()).isEqualTo(200);
        assertThat(values(JSON.readTree(webapp.body()))).containsEntry("taskDeadline", "2026年3月9日 17:30")
                .containsEntry("caseNumber", number);

        assertThat(formVariables("/engine-rest/task/" + check.getId() + "/form-variables?variableNames=caseNumber"))
                .as("only the names asked for").containsOnlyKeys("caseNumber");
    }

    @Test
    void shouldShowNothingOfATaskTheCallerMayNotRead() throws IOException {
        String number = caseFile.open(new NewCase("DNY", "无权查看", "applicant1", "无权孵化器", "stc"), "applicant1").number();
        Task check = oneStepTask("card-denied", number);

        HttpResponse<String> refused = http().get("/engine-rest/task/" + check.getId() + "/form-variables", "applicant2");

        assertThat(refused.statusCode()).isNotEqualTo(200);
        assertThat(refused.body()).doesNotContain(number).doesNotContain("无权孵化器");
    }

    /** A process of one 形式审查 step for stc. */
    private void deployOneStep(String key) {
        repository.createDeployment().name(key)
                .addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("check").name("形式审查").camundaCandidateGroups("stc").endEvent().done())
                .deploy();
    }

    /** The 形式审查 task of a one-step process started for the case. */
    private Task oneStepTask(String key, String number) {
        deployOneStep(key);
        String instance = runtime.startProcessInstanceByKey(key, number).getId();
        return tasks.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private Map<String, String> formVariables(String path) throws IOException {
        HttpResponse<String> answer = http().get(path, "stc-officer");
        assertThat(answer.statusCode()).isEqualTo(200);
        return values(JSON.readTree(answer.body()));
    }

    private static Map<String, String> values(JsonNode variables) {
        Map<String, String> values = new HashMap<>();
        variables.fields().forEachRemaining(variable -> values.put(variable.getKey(), variable.getValue().path("value").asText()));
        return values;
    }

    /** The card variables of every task in 本部门待办, by task id, as stc's officer's Tasklist lists them. */
    private Map<String, Map<String, String>> cards() throws IOException {
        String filterId = http().taskFilterId("本部门待办", "stc-officer");
        HttpResponse<String> listed = http().send(http().request("/engine-rest/filter/" + filterId + "/list?maxResults=1000",
                "stc-officer").header("Accept", "application/hal+json").GET());
        assertThat(listed.statusCode()).isEqualTo(200);
        Map<String, Map<String, String>> cards = new HashMap<>();
        for (JsonNode task : JSON.readTree(listed.body()).path("_embedded").path("task")) {
            Map<String, String> card = new HashMap<>();
            for (JsonNode variable : task.path("_embedded").path("variable")) {
                card.put(variable.path("name").asText(), variable.path("value").asText());
            }
            cards.put(task.path("id").asText(), card);
        }
        return cards;
    }
}
