package cn.parkflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.support.PostgresTestServer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The calendar's REST API and its holiday data in the database (shared by nodes, kept across restarts). */
class CalendarApiTest extends CalendarSpringTest {

    @Autowired
    MockMvc http;
    @Autowired
    WorkingDayCalendar calendar;
    @Autowired
    CaseFile caseFile;
    @Autowired
    HolidayYears years;
    @Autowired
    HolidayYearRepository repository;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    StatutoryClock clock;
    @Autowired
    DeclaredClocks declaredClocks;
    @Autowired
    TaskService taskService;

    @Test
    void shouldAddWorkingDaysAcrossNationalDay() throws Exception {
        http.perform(get("/api/calendar/working-days?from=2026-09-30&add=5").header("Authorization", basic("amr-officer")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"date\":\"2026-10-13\",\"provisional\":false}", true));
    }

    @Test
    void shouldFlagAResultInAYearWithoutDataAsProvisional() throws Exception {
        http.perform(get("/api/calendar/working-days?from=2026-12-30&add=5").header("Authorization", basic("stc-officer")))
                .andExpect(status().isOk())
                .andExpect(content().json("{\"date\":\"2027-01-06\",\"provisional\":true}", true));
    }

    @Test
    void shouldCountWorkingDaysBetweenTwoDates() throws Exception {
        // after Fri 02-13 up to Sat 02-28: Sat 02-14 and Sat 02-28 (调休上班), Tue 02-24 .. Fri 02-27
        http.perform(get("/api/calendar/working-days/between?from=2026-02-13&to=2026-02-28")
                        .header("Authorization", basic("amr-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(6))
                .andExpect(jsonPath("$.provisional").value(false));
    }

    @Test
    void shouldRejectBadParametersNamingThem() throws Exception {
        expectBadRequest("/api/calendar/working-days?from=2026-13-01&add=5", "from");
        expectBadRequest("/api/calendar/working-days?from=30.09.2026&add=5", "from");
        expectBadRequest("/api/calendar/working-days?from=2026-09-30&add=-1", "add: 工作日数不能为负数");
        expectBadRequest("/api/calendar/working-days?from=2026-09-30&add=100000", "add");
        expectBadRequest("/api/calendar/working-days?from=2026-09-30&add=five", "add");
        expectBadRequest("/api/calendar/working-days?from=2026-09-30", "add");
        expectBadRequest("/api/calendar/working-days?from=9999-01-01&add=5", "from");
        expectBadRequest("/api/calendar/working-days/between?from=2026-01-01&to=x", "to");
        expectBadRequest("/api/calendar/years/20x6", "year");
        expectBadRequest("/api/calendar/years/1850", "year");
    }

    @Test
    void shouldRequireAuthentication() throws Exception {
        http.perform(get("/api/calendar/working-days?from=2026-09-30&add=5")).andExpect(status().isUnauthorized());
    }

    @Test
    void shouldShowAYearsDataWithItsCheckFigure() throws Exception {
        http.perform(get("/api/calendar/years/2026").header("Authorization", basic("amr-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.workingDays").value(248))
                .andExpect(jsonPath("$.holidays.length()").value(19))
                .andExpect(jsonPath("$.makeUpWorkingDays[0]").value("2026-01-04"))
                .andExpect(jsonPath("$.origin").value("FILE"));
        http.perform(get("/api/calendar/years/2091").header("Authorization", basic("amr-officer")))
                .andExpect(status().isNotFound());
    }

    @Test
    void shouldLetOnlyAdminsLoadAYear() throws Exception {
        http.perform(put("/api/calendar/years/2092").header("Authorization", basic("supervisor"))
                        .contentType(MediaType.APPLICATION_JSON).content(year2092("2092-01-01")))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));

        assertThat(calendar.year(2092)).isEmpty();
    }

    @Test
    void shouldRejectBadYearDataNamingTheDateAndStoreNothing() throws Exception {
        // 2093-01-05 is a Monday: not a possible make-up working day
        http.perform(put("/api/calendar/years/2093").header("Authorization", basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2093,\"holidays\":[\"2093-01-01\",\"2092-12-31\"],"
                                + "\"makeUpWorkingDays\":[\"2093-01-05\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail", containsString("2092-12-31")))
                .andExpect(jsonPath("$.detail", containsString("2093-01-05")));

        assertThat(PostgresTestServer.shared().query("SELECT COUNT(*) FROM calendar_year WHERE year_number = 2093"))
                .isEqualTo("0");
        assertThat(calendar.year(2093)).isEmpty();
    }

    @Test
    void shouldLoadAYearAtRuntimeAndUseItAtOnce() throws Exception {
        // 2094-01-01 is a Friday; 2094-01-02 a Saturday
        LocalDate newYearsEve = LocalDate.of(2093, 12, 31);
        assertThat(calendar.addWorkingDays(newYearsEve, 1)).isEqualTo(LocalDate.of(2094, 1, 1));

        http.perform(put("/api/calendar/years/2094").header("Authorization", basic("admin"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"year\":2094,\"notice\":\"测试通知\",\"holidays\":[\"2094-01-01\"],"
                                + "\"makeUpWorkingDays\":[\"2094-01-02\"]}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.origin").value("ADMIN"))
                .andExpect(jsonPath("$.updatedBy").value("admin"));

        http.perform(get("/api/calendar/working-days?from=2094-01-01&add=1").header("Authorization", basic("admin")))
                .andExpect(content().json("{\"date\":\"2094-01-02\",\"provisional\":false}", true));
        assertThat(PostgresTestServer.shared().query(
                "SELECT kind FROM calendar_day WHERE day_date = DATE '2094-01-02'")).isEqualTo("MAKE_UP");
    }

    @Test
    void shouldShowTheClockToWhoeverMayReadTheCase() throws Exception {
        String caseNumber = caseFile.open(new NewCase("IP", "商标侵权", "applicant1", "零号湾科技", "amr"), "test").number();
        clock.start(caseNumber, 15, DayUnit.WORKING, java.time.Instant.parse("2026-09-29T02:00:00Z"), "amr-officer");

        http.perform(get("/api/calendar/clocks/" + caseNumber).header("Authorization", basic("amr-officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.limit").value(15))
                .andExpect(jsonPath("$.unit").value("WORKING"))
                .andExpect(jsonPath("$.paused").value(false));
        http.perform(get("/api/calendar/clocks/" + caseNumber).header("Authorization", basic("applicant1")))
                .andExpect(status().isOk());
        http.perform(get("/api/calendar/clocks/" + caseNumber).header("Authorization", basic("applicant2")))
                .andExpect(status().isForbidden());
        http.perform(get("/api/calendar/clocks/" + caseNumber).header("Authorization", basic("stc-officer")))
                .andExpect(status().isForbidden());
    }

    @Test
    void shouldPickUpAYearThatAnotherNodeLoaded() {
        // given: another node stores 2095 (2095-01-03 is a Monday)
        HolidayYear year2095 = HolidayYear.parse(2095, "另一节点加载", List.of("2095-01-03"), List.of());
        new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                repository.insert(year2095, HolidayYearRepository.ORIGIN_ADMIN, "admin", Instant.now()));
        assertThat(calendar.isWorkingDay(LocalDate.of(2095, 1, 3))).isTrue();

        // when: this node polls
        years.refresh();

        // then
        assertThat(calendar.isWorkingDay(LocalDate.of(2095, 1, 3))).isFalse();
        assertThat(calendar.isProvisional(LocalDate.of(2095, 1, 1), LocalDate.of(2095, 12, 31))).isFalse();
    }

    @Test
    void shouldKeepAnAdminsYearAcrossARestartAndSeedTheBundledYears() {
        // given: an admin loaded 2096 (2096-01-02 is a Monday)
        years.replace(HolidayYear.parse(2096, null, List.of("2096-01-02"), List.of()), "admin");

        // when: a node starts (the calendar is built again from the database and the files)
        WorkingDayCalendar restarted = new CalendarConfiguration().workingDayCalendar(
                new CalendarProperties(LocalTime.of(17, 30), EngineClock.ZONE, java.time.Duration.ZERO),
                repository, transactionManager, Optional.empty());

        // then
        assertThat(restarted.isWorkingDay(LocalDate.of(2096, 1, 2))).isFalse();
        assertThat(restarted.year(2025)).isPresent();
        assertThat(restarted.year(2026)).isPresent();
        assertThat(repository.find(2096).orElseThrow().origin()).isEqualTo(HolidayYearRepository.ORIGIN_ADMIN);
        assertThat(repository.find(2026).orElseThrow().origin()).isEqualTo(HolidayYearRepository.ORIGIN_FILE);
    }
    @Test
    void shouldPutAnOfficersExtensionRequestInTheDeclaredApproversQueue() throws Exception {
        String running = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test").number();
        declaredClocks.start("incubator-certification", running);
        String unstarted = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test").number();
        String request = "{\"reason\":\"需补充现场核查，专家意见分歧\"}";

        for (String outsider : List.of("applicant1", "amr-officer", "supervisor")) {
            http.perform(post("/api/calendar/clocks/" + running + "/extension-requests").header("Authorization", basic(outsider))
                    .contentType(MediaType.APPLICATION_JSON).content(request)).andExpect(status().isForbidden());
        }
        http.perform(post("/api/calendar/clocks/" + running + "/extension-requests").header("Authorization", basic("stc-officer"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reason\":\" \"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.detail", containsString("reason")));
        http.perform(post("/api/calendar/clocks/" + unstarted + "/extension-requests").header("Authorization", basic("stc-officer"))
                .contentType(MediaType.APPLICATION_JSON).content(request)).andExpect(status().isConflict());
        assertThat(taskService.createTaskQuery().taskDefinitionKey(StatutoryClockProcess.TASK_APPROVE_EXTENSION)
                .processInstanceBusinessKey(running).count()).isZero();

        http.perform(post("/api/calendar/clocks/" + running + "/extension-requests").header("Authorization", basic("stc-officer"))
                .contentType(MediaType.APPLICATION_JSON).content(request)).andExpect(status().isAccepted());

        assertThat(taskService.createTaskQuery().taskDefinitionKey(StatutoryClockProcess.TASK_APPROVE_EXTENSION)
                .processInstanceBusinessKey(running).taskCandidateGroup("supervision").count()).isEqualTo(1);
    }

    /** The Tasklist tab 法定时限 finds the clock through the task; the case's read rule decides who sees it. */
    @Test
    void shouldShowTheClockOfATasksCaseToWhoeverMayReadTheCase() throws Exception {
        // given: a running clock and a task of its case (the approval of an extension request)
        String running = caseFile.open(new NewCase("INC", "孵化器认定", "applicant1", "闵行创新孵化器", "stc"), "test").number();
        declaredClocks.start("incubator-certification", running);
        declaredClocks.requestExtension(running, "stc-officer", "需补充现场核查");
        String task = taskService.createTaskQuery().processInstanceBusinessKey(running).singleResult().getId();
        String url = "/api/calendar/clocks?task=" + task;

        // then: the case's department may ask for more time, supervision only reads, others see nothing
        http.perform(get(url).header("Authorization", basic("stc-officer"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.caseNumber").value(running)).andExpect(jsonPath("$.clock.limit").value(30))
                .andExpect(jsonPath("$.clock.unit").value("WORKING")).andExpect(jsonPath("$.mayRequestExtension").value(true));
        http.perform(get(url).header("Authorization", basic("supervisor"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.mayRequestExtension").value(false));
        http.perform(get(url).header("Authorization", basic("applicant2"))).andExpect(status().isForbidden());
        http.perform(get(url).header("Authorization", basic("amr-officer"))).andExpect(status().isForbidden());
        http.perform(get("/api/calendar/clocks?task=no-such-task").header("Authorization", basic("stc-officer")))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.detail", containsString("没有这项任务")));
    }

    private void expectBadRequest(String url, String parameter) throws Exception {
        http.perform(get(url).header("Authorization", basic("amr-officer")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail", containsString(parameter)));
    }

    private static String year2092(String holiday) {
        return "{\"holidays\":[\"" + holiday + "\"],\"makeUpWorkingDays\":[]}";
    }
}
