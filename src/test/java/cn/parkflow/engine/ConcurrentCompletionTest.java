package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import cn.parkflow.support.SimultaneousCompletions;
import java.net.http.HttpResponse;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two people complete at the same moment (the fixture holds both completions inside their
 * transactions until both have arrived, so they overlap for certain). Where both completions are
 * right (two seats of a panel, two departments before a join) both succeed and nobody sees the
 * conflict; where only one can be (the same task twice) the second gets 409 in Chinese.
 */
class ConcurrentCompletionTest extends PostgresApplicationTest {

    private static final String PROCESS = "parallel-fixture";

    @Autowired
    RuntimeService runtime;
    @Autowired
    TaskService tasks;
    @Autowired
    ConflictRetry retry;

    @AfterEach
    void noMoreHolding() {
        SimultaneousCompletions.off();
    }

    @Test
    void shouldAnswer409InChineseToTheSecondOfTwoOfficersCompletingTheSameTask() throws Exception {
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        String seat = open(instance, "Task_ScoreSeat").get(0).getId();

        List<HttpResponse<String>> answers = SimultaneousCompletions.race(
                () -> complete(seat, "stc-officer"), () -> complete(seat, "stc-officer"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        HttpResponse<String> loser = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.body()).contains(TaskTakenException.MESSAGE).doesNotContain("ENGINE-", "Exception:");
        assertThat(open(instance, "Task_ScoreSeat")).as("the other seat is still open").hasSize(1);
    }

    @Test
    void shouldLetTwoExpertSeatsCompleteAtTheSameMomentWithoutAnyoneSeeingTheConflict() throws Exception {
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        List<Task> seats = open(instance, "Task_ScoreSeat");
        long rerunsBefore = retry.reruns();

        List<HttpResponse<String>> answers = SimultaneousCompletions.race(
                () -> complete(seats.get(0).getId(), "stc-officer"), () -> complete(seats.get(1).getId(), "stc-officer"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(204, 204);
        assertThat(retry.reruns()).as("the engine met the conflict and ran the loser again").isGreaterThan(rerunsBefore);
        assertThat(open(instance, "Task_ScoreSeat")).isEmpty();
        assertThat(open(instance, "Task_ReviewByDepartmentA")).hasSize(1);
        assertThat(open(instance, "Task_ReviewByDepartmentB")).hasSize(1);
    }

    @Test
    void shouldLetTwoDepartmentsCompleteBeforeAJoinAtTheSameMoment() throws Exception {
        String instance = runtime.startProcessInstanceByKey(PROCESS).getId();
        open(instance, "Task_ScoreSeat").forEach(seat -> tasks.complete(seat.getId()));
        String first = open(instance, "Task_ReviewByDepartmentA").get(0).getId();
        String second = open(instance, "Task_ReviewByDepartmentB").get(0).getId();

        List<HttpResponse<String>> answers = SimultaneousCompletions.race(
                () -> complete(first, "stc-officer"), () -> complete(second, "amr-officer"));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(204, 204);
        assertThat(open(instance, "Task_Conclude")).as("the join passed exactly once").hasSize(1);
    }

    private HttpResponse<String> complete(String task, String user) {
        return http().postJson("/engine-rest/task/" + task + "/complete", user, "{}");
    }

    private List<Task> open(String instance, String step) {
        return tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(step).list();
    }
}
