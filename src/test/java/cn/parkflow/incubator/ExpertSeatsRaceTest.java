package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.engine.ConflictRetry;
import cn.parkflow.support.SimultaneousCompletions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The real expert review ({@code incubator-expert-review}, called by the certification): the last
 * two experts submit their scores at the same moment (each completion held inside its transaction
 * until both have arrived, so they overlap for certain). Both move the seats' multi-instance
 * together, so one loses the optimistic lock; the engine runs it again and neither expert sees
 * the conflict, and the review concludes exactly once.
 */
class ExpertSeatsRaceTest extends IncubatorApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Object> SCORES = Map.of("scoreCapability", 85, "scoreEffectiveness", 80,
            "scoreSustainability", 78, "scoreInnovation", 82, "expertComment", "孵化服务体系完善，成效显著。");

    @Autowired
    ProcessEngine engine;
    @Autowired
    TaskService tasks;
    @Autowired
    HistoryService history;
    @Autowired
    ConflictRetry retry;

    @AfterEach
    void noMoreHolding() {
        SimultaneousCompletions.off();
    }

    @Test
    void shouldLetTheLastTwoExpertsScoreAtTheSameMomentWithoutEitherSeeingTheConflict() throws Exception {
        HttpResponse<String> submitted = http().postJson("/api/incubators/applications", "applicant1",
                JSON.writeValueAsString(IncubatorApiTest.application()));
        String number = JSON.readTree(submitted.body()).path("caseNumber").asText();
        IncubatorApiTest.attachRequired(http(), number);
        completeAs("stc-officer", number, TASK_FORMAL_CHECK, Map.of("formalCheckResult", "COMPLETE"));
        completeAs("stc-officer", number, TASK_CONFIRM_ELIGIBILITY, Map.of("eligibilityDecision", "ELIGIBLE"));
        for (int i = 1; i <= 5; i++) {
            completeAs("expert" + i, number, TASK_DECLARE_CONFLICT, Map.of("conflictDeclaration", "NO_CONFLICT"));
        }
        for (int i = 1; i <= 3; i++) {
            completeAs("expert" + i, number, TASK_SCORE, SCORES);
        }
        String fourth = waitForTask(number, TASK_SCORE, "expert4");
        String fifth = waitForTask(number, TASK_SCORE, "expert5");
        SimultaneousCompletions.holdAt(engine, EXPERT_REVIEW_KEY, TASK_SCORE, "complete");
        long rerunsBefore = retry.reruns();

        List<HttpResponse<String>> answers = SimultaneousCompletions.race(() -> score(fourth, "expert4"), () -> score(fifth, "expert5"));

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactly(204, 204);
        assertThat(retry.reruns()).as("the engine met the conflict and ran the loser again").isGreaterThan(rerunsBefore);
        await("the review concluded", () -> tasks.createTaskQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TASK_INSPECT_SITE).count() > 0);
        assertThat(history.createHistoricActivityInstanceQuery().activityId(TASK_EXPERT_REVIEW).finished().list())
                .filteredOn(activity -> number.equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(activity.getProcessInstanceId()).singleResult().getBusinessKey()))
                .as("the certification left its call activity once").hasSize(1);
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(number)
                .processDefinitionKey(EXPERT_REVIEW_KEY).finished().count()).as("one review, ended").isOne();
        assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(number)
                .taskDefinitionKey(TASK_SCORE).finished().count()).as("five scores, none twice").isEqualTo(5);
    }

    private HttpResponse<String> score(String task, String expert) {
        StringBuilder variables = new StringBuilder("{\"variables\":{");
        SCORES.forEach((key, value) -> variables.append('"').append(key).append("\":{\"value\":")
                .append(value instanceof String ? "\"" + value + "\"" : value).append("},"));
        variables.setCharAt(variables.length() - 1, '}');
        return http().postJson("/engine-rest/task/" + task + "/submit-form", expert, variables.append('}').toString());
    }
}
