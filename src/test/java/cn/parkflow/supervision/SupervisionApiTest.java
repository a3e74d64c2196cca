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

/**
 * The board's figures on a known data set ({@link SupervisionFixture}, "now" = Friday 2026-10-09
 * 10:00, just after the National Day holidays), read over HTTP as the plugin reads them.
 */
class SupervisionApiTest extends PostgresApplicationTest {

    private static final String DEPARTMENT = "commerce";
    private static final String OTHER = "health";
    private static Cases cases;

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

    @Test
    void shouldCountWorkingDaysOverdueAcrossTheNationalDayHolidays() {
        JsonNode list = get("/api/supervision/overdue?process=" + PROCESS, "supervisor");

        assertThat(row(list, cases.yellow()).path("workingDaysOverdue").asInt()).isEqualTo(2);
        assertThat(row(list, cases.yellow()).path("colour").asText()).isEqualTo("YELLOW");
        assertThat(row(list, cases.red()).path("workingDaysOverdue").asInt()).isEqualTo(5);
        assertThat(row(list, cases.red()).path("colour").asText()).isEqualTo("RED");
        assertThat(row(list, cases.blue()).path("workingDaysOverdue").asInt()).isEqualTo(-3);
        assertThat(row(list, cases.blue()).path("colour").asText()).isEqualTo("BLUE");
        assertThat(numbers(list)).doesNotContain(cases.far()).doesNotContainAnyElementsOf(cases.completed());
        JsonNode yellow = row(list, cases.yellow());
        assertThat(yellow.path("processName").asText()).isEqualTo("督查测试流程");
        assertThat(yellow.path("step").asText()).isEqualTo("核查材料");
        assertThat(yellow.path("department").asText()).isEqualTo(DEPARTMENT);
        assertThat(yellow.path("departmentName").asText()).isEqualTo("区商务委");
        assertThat(yellow.path("due").asText()).isEqualTo("2026-09-30T09:30:00Z");
    }

    @Test
    void shouldListARunningStatutoryClockPastItsDeadline() {
        JsonNode list = get("/api/supervision/overdue?department=" + DEPARTMENT, "supervisor");

        JsonNode clock = StreamSupport.stream(list.spliterator(), false)
                .filter(r -> r.path("caseNumber").asText().equals(cases.clock())).findFirst().orElseThrow();
        assertThat(clock.path("kind").asText()).isEqualTo("CLOCK");
        assertThat(clock.path("step").asText()).isEqualTo("法定办理期限");
        assertThat(clock.path("workingDaysOverdue").asInt()).isEqualTo(2);
        assertThat(clock.path("colour").asText()).isEqualTo("YELLOW");
    }

    @Test
    void shouldFilterAndSortTheOverdueList() {
        JsonNode red = get("/api/supervision/overdue?process=" + PROCESS + "&colour=红", "supervisor");
        JsonNode byDue = get("/api/supervision/overdue?process=" + PROCESS + "&department=" + DEPARTMENT
                + "&sort=due&order=asc", "supervisor");

        assertThat(numbers(red)).containsExactly(cases.red());
        assertThat(numbers(byDue)).containsExactly(cases.red(), cases.yellow(), cases.blue());
        assertThat(http().get("/api/supervision/overdue?sort=name", "supervisor").statusCode()).isEqualTo(400);
        assertThat(http().get("/api/supervision/overdue?colour=green", "supervisor").body()).contains("颜色");
    }

    @Test
    void shouldCountOpenCasesPerProcessAndStageAndColoursAsTheOverdueListHasThem() {
        JsonNode overview = get("/api/supervision/overview", "supervisor");

        JsonNode open = StreamSupport.stream(overview.path("openCases").spliterator(), false)
                .filter(r -> r.path("processKey").asText().equals(PROCESS)).findFirst().orElseThrow();
        assertThat(open.path("processName").asText()).isEqualTo("督查测试流程");
        assertThat(open.path("stageName").asText()).isEqualTo("已立案");
        // the four open fixture cases of the process; completed steps ended their instances but not the cases
        assertThat(open.path("cases").asInt()).isEqualTo(8);
        JsonNode commerce = StreamSupport.stream(overview.path("colours").spliterator(), false)
                .filter(r -> r.path("department").asText().equals(DEPARTMENT)).findFirst().orElseThrow();
        JsonNode list = get("/api/supervision/overdue?department=" + DEPARTMENT, "supervisor");
        assertThat(commerce.path("red").asInt()).isEqualTo(count(list, "RED")).isPositive();
        assertThat(commerce.path("yellow").asInt()).isEqualTo(count(list, "YELLOW")).isGreaterThanOrEqualTo(2);
        assertThat(commerce.path("blue").asInt()).isEqualTo(count(list, "BLUE")).isPositive();
    }

    @Test
    void shouldGiveTheOnTimeRatePerStepFromHistory() {
        JsonNode rates = get("/api/supervision/on-time?days=30", "supervisor");

        JsonNode step = StreamSupport.stream(rates.path("bySteps").spliterator(), false)
                .filter(r -> r.path("processKey").asText().equals(PROCESS)).findFirst().orElseThrow();
        assertThat(step.path("department").asText()).isEqualTo(DEPARTMENT);
        assertThat(step.path("step").asText()).isEqualTo("核查材料");
        assertThat(step.path("completed").asInt()).isEqualTo(3);
        assertThat(step.path("onTime").asInt()).isEqualTo(2);
        assertThat(step.path("percent").decimalValue()).isEqualByComparingTo("66.7");
        assertThat(http().get("/api/supervision/on-time?days=31", "supervisor").statusCode()).isEqualTo(400);
    }

    @Test
    void shouldShowTheCaseAsAWholeInChinese() {
        JsonNode page = get("/api/supervision/cases/" + cases.yellow(), "supervisor");

        assertThat(page.path("restricted").asBoolean()).isFalse();
        assertThat(page.path("record").path("applicantOrganisation").asText()).isEqualTo("闵行创新孵化器");
        JsonNode first = page.path("timeline").get(0);
        assertThat(first.path("what").asText()).isEqualTo("立案");
        assertThat(first.path("actorName").asText()).isEqualTo("闵行创新孵化器 申请人");
        assertThat(page.path("timeline").toString()).contains("上传材料", "区商务委 经办人", "项目计划书：计划书.pdf");
        JsonNode step = page.path("openSteps").get(0);
        assertThat(step.path("step").asText()).isEqualTo("核查材料");
        assertThat(step.path("groups").toString()).contains(DEPARTMENT);
        assertThat(step.path("workingDaysOverdue").asInt()).isEqualTo(2);
        assertThat(page.path("documents").get(0).path("fileName").asText()).isEqualTo("计划书.pdf");
        assertThat(page.path("mails").get(0).path("subject").asText()).isEqualTo("【受理通知】节前到期");
        assertThat(page.path("mails").get(0).path("status").asText()).isEqualTo("已发送");

        JsonNode clockPage = get("/api/supervision/cases/" + cases.clock(), "supervisor");
        assertThat(clockPage.path("clock").path("limit").asInt()).isEqualTo(10);
        assertThat(clockPage.path("clock").path("currentDeadline").asText()).isEqualTo("2026-09-30T09:30:00Z");
        assertThat(clockPage.path("timeline").toString()).contains("法定时限起算");
    }

    private JsonNode get(String path, String user) {
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

    private static long count(JsonNode list, String colour) {
        return StreamSupport.stream(list.spliterator(), false).filter(r -> r.path("colour").asText().equals(colour))
                .count();
    }
}
