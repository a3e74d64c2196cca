package cn.parkflow.supervision;

import static cn.parkflow.supervision.SupervisionFixture.NOW;
import static cn.parkflow.supervision.SupervisionFixture.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.support.PostgresApplicationTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.StreamSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The application with the board's known data set ({@link SupervisionFixture}), built once per test class. */
abstract class SupervisionDataSetTest extends PostgresApplicationTest {

    static final String DEPARTMENT = "commerce";
    static final String OTHER = "health";
    static Cases cases;

    @Autowired CaseFile caseFile;
    @Autowired CaseDocuments documents;
    @Autowired StatutoryClock clocks;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;
    @Autowired ObjectMapper json;

    record Cases(String yellow, String red, String blue, String far, String otherYellow, String clock,
                 List<String> completed) {
    }

    @BeforeEach
    void knownDataSet() {
        ClockUtil.setCurrentTime(Date.from(NOW));
        if (cases != null) {
            return;
        }
        SupervisionFixture fixture = new SupervisionFixture(caseFile, repository, runtime, tasks, jdbc);
        List<String> completed = new ArrayList<>();
        for (String due : List.of("2026-10-12", "2026-10-12", "2026-10-08")) { // two on time, one late
            String number = fixture.caseWithStepDue(DEPARTMENT, due, "已办结步骤");
            fixture.completeStep(number);
            completed.add(number);
        }
        cases = new Cases(
                fixture.caseWithStepDue(DEPARTMENT, "2026-09-30", "节前到期"),   // 10-08, 10-09 → 2 working days, 黄
                fixture.caseWithStepDue(DEPARTMENT, "2026-09-24", "早已到期"),   // 09-25 off: 28, 29, 30, 10-08, 09 → 5, 红
                fixture.caseWithStepDue(DEPARTMENT, "2026-10-13", "即将到期"),   // Saturday 10-10 works: 10, 12, 13 → 3 left, 蓝
                fixture.caseWithStepDue(DEPARTMENT, "2026-10-20", "尚早"),
                fixture.caseWithStepDue(OTHER, "2026-09-30", "他部门案件"),
                fixture.caseWithClock(DEPARTMENT, clocks),
                completed);
        fixture.addDocument(cases.yellow(), documents, DEPARTMENT);
        fixture.mailSent(cases.yellow(), "【受理通知】节前到期");
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    JsonNode get(String path, String user) {
        HttpResponse<String> response = http().get(path, user);
        assertThat(response.statusCode()).as(path + " → " + response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode row(JsonNode list, String number) {
        return StreamSupport.stream(list.spliterator(), false)
                .filter(r -> r.path("caseNumber").asText().equals(number) && r.path("kind").asText().equals("TASK"))
                .findFirst().orElseThrow(() -> new AssertionError(number + " not in " + list));
    }

    static List<String> numbers(JsonNode list) {
        return StreamSupport.stream(list.spliterator(), false).map(r -> r.path("caseNumber").asText()).toList();
    }

    static long count(JsonNode list, String colour) {
        return StreamSupport.stream(list.spliterator(), false).filter(r -> r.path("colour").asText().equals(colour))
                .count();
    }
}
