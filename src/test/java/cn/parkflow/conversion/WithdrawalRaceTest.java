package cn.parkflow.conversion;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.engine.TaskTakenException;
import cn.parkflow.support.SimultaneousCompletions;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * 409 on our own API: the transfer office and stc withdraw the same project at the same moment
 * through {@code POST /api/conversion-projects/{case}/withdrawal} (the first held inside its
 * transaction, as it ends the project's open task, while the second runs into it). Only one withdrawal can be right:
 * the other answers 409 in Chinese, nothing of it kept; the project is withdrawn once.
 */
class WithdrawalRaceTest extends ConversionApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    ProcessEngine engine;
    @Autowired
    HistoryService history;
    @Autowired
    CaseFile caseFile;

    @AfterEach
    void noMoreHolding() {
        SimultaneousCompletions.off();
    }

    @Test
    void shouldAnswer409InChineseToTheSecondOfTwoSimultaneousWithdrawals() throws Exception {
        String number = JSON.readTree(http().postJson("/api/conversion-projects", "sjtu-tto-officer",
                JSON.writeValueAsString(ConversionApiTest.lead("柔性钙钛矿电池"))).body()).path("caseNumber").asText();
        String path = "/api/conversion-projects/" + number + "/withdrawal";
        SimultaneousCompletions.holdAt(engine, "achievement-conversion", "Task_AcceptLead", "delete");

        // the second queues for the case's row before it reaches the hold: the first holds 5 s, then commits
        List<HttpResponse<String>> answers = SimultaneousCompletions.raceHoldingTheFirst(Duration.ofSeconds(5),
                () -> http().postJson(path, "sjtu-tto-officer", "{\"reason\":\"课题组另行转化\"}"),
                () -> http().postJson(path, "stc-officer", "{\"reason\":\"区科委终止\"}"));

        assertThat(answers).extracting(HttpResponse::statusCode).as(answers.toString()).containsExactlyInAnyOrder(204, 409);
        HttpResponse<String> loser = answers.stream().filter(answer -> answer.statusCode() == 409).findFirst().orElseThrow();
        assertThat(loser.body()).containsAnyOf(TaskTakenException.MESSAGE, "项目已被他人撤回或终止")
                .doesNotContain("ENGINE-", "Exception");
        await("case closed", () -> caseFile.get(number).isClosed());
        assertThat(caseFile.get(number).outcome()).as("withdrawn once, by the winner")
                .isIn("高校撤回项目：课题组另行转化", "区科委终止项目：区科委终止");
        assertThat(history.createHistoricActivityInstanceQuery().activityId("StartEvent_WithdrawalRequested").list())
                .filteredOn(activity -> number.equals(history.createHistoricProcessInstanceQuery()
                        .processInstanceId(activity.getProcessInstanceId()).singleResult().getBusinessKey()))
                .hasSize(1);
    }
}
