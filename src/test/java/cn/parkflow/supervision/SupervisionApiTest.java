package cn.parkflow.supervision;

import static cn.parkflow.supervision.SupervisionFixture.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The board's figures on a known data set ({@link SupervisionFixture}, "now" = Friday 2026-10-09
 * 10:00, just after the National Day holidays), read over HTTP as the plugin reads them.
 */
class SupervisionApiTest extends SupervisionDataSetTest {

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
        assertThat(step.path("groupNames").get(0).asText()).as("department names, not codes").isEqualTo("区商务委");
        assertThat(page.path("departmentName").asText()).isEqualTo("区商务委");
        assertThat(page.path("record").path("status").asText()).isEqualTo("OPEN");
        assertThat(page.path("statusName").asText()).as("the status in Chinese, not its code").isEqualTo("已立案");
        assertThat(step.path("workingDaysOverdue").asInt()).isEqualTo(2);
        assertThat(page.path("documents").get(0).path("fileName").asText()).isEqualTo("计划书.pdf");
        assertThat(page.path("mails").get(0).path("subject").asText()).isEqualTo("【受理通知】节前到期");
        assertThat(page.path("mails").get(0).path("status").asText()).isEqualTo("已发送");

        JsonNode clockPage = get("/api/supervision/cases/" + cases.clock(), "supervisor");
        assertThat(clockPage.path("clock").path("limit").asInt()).isEqualTo(10);
        assertThat(clockPage.path("clock").path("currentDeadline").asText()).isEqualTo("2026-09-30T09:30:00Z");
        assertThat(clockPage.path("timeline").toString()).contains("法定时限起算");
    }


    @Test
    void shouldFallBackToTheIncubatorRegisterByQuarterWhenTheYearHasNoKeyTaskList() {
        // 2025 has no key-task list: the indicator chart shows what the register counts, at each quarter's end
        assertThat(get("/api/indicators?year=2025", "supervisor")).isEmpty();
        JsonNode incubators = StreamSupport.stream(get("/api/supervision/figures?year=2025", "supervisor").spliterator(), false)
                .filter(f -> f.path("code").asText().equals("HIGH_QUALITY_INCUBATORS")).findFirst().orElseThrow();
        List<String> ends = List.of("2025-03-31", "2025-06-30", "2025-09-30", "2025-12-31");
        for (int quarter = 0; quarter < 4; quarter++) {
            long counted = jdbc.sql("SELECT COUNT(*) FROM incubator_certificate WHERE track = 'HIGH_QUALITY' AND status = 'VALID' "
                    + "AND valid_from <= ? AND valid_until >= ?").params(LocalDate.parse(ends.get(quarter)),
                    LocalDate.of(2025, 1, 1)).query(Long.class).single();
            assertThat(incubators.path("quarterly").get(quarter).asLong()).as(ends.get(quarter)).isEqualTo(counted);
        }
        assertThat(incubators.path("quarterly").get(3).decimalValue()).isEqualByComparingTo(incubators.path("value").decimalValue());

        // on 2026-10-09 a quarter of 2027 has not begun: no figure, not a zero
        JsonNode next = get("/api/supervision/figures?year=2027", "supervisor").get(0);
        assertThat(next.path("quarterly").toString()).isEqualTo("[null,null,null,null]");
    }
}
