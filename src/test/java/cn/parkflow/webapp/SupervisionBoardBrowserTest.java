package cn.parkflow.webapp;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.StatutoryClock;
import cn.parkflow.casefile.CaseDocuments;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.supervision.SupervisionFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The 督查看板 in Cockpit as the supervisor sees it at 1366×768: the dashboard summary, the board's
 * overview, the overdue list, a case page and an export, on the board's known data set. Screenshots
 * in target/screenshots/supervision.
 */
@ExtendWith(ChromiumAvailable.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = BrowserApplication.H2)
@Tag("application")
class SupervisionBoardBrowserTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots", "supervision");

    @LocalServerPort int port;
    @Autowired CaseFile caseFile;
    @Autowired CaseDocuments documents;
    @Autowired StatutoryClock clocks;
    @Autowired RepositoryService repository;
    @Autowired RuntimeService runtime;
    @Autowired TaskService tasks;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    /**
     * The webapps' REST servlet starts on its first request; on a loaded machine that first request
     * outlasts RequireJS's wait for Cockpit's own plugin bundle, so it is made here first.
     */
    private void warmUp() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        for (String path : java.util.List.of("/camunda/app/cockpit/default/",
                "/camunda/api/cockpit/plugin/cockpitPlugins/static/app/plugin.js",
                "/camunda/app/parkflow/supervision-board.js", "/webjars/echarts/5.3.1/dist/echarts.esm.min.js")) {
            client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        }
    }

    @Test
    void shouldLetTheSupervisorOpenTheBoardTheOverdueListACaseAndExport() throws Exception {
        ClockUtil.setCurrentTime(Date.from(SupervisionFixture.NOW));
        SupervisionFixture fixture = new SupervisionFixture(caseFile, repository, runtime, tasks, jdbc);
        String late = fixture.caseWithStepDue("commerce", "2026-09-24", "早已到期");
        String yellow = fixture.caseWithStepDue("commerce", "2026-09-30", "节前到期");
        fixture.caseWithStepDue("commerce", "2026-10-13", "即将到期");
        fixture.addDocument(yellow, documents, "commerce");
        fixture.mailSent(yellow, "【受理通知】节前到期");
        Path downloads = Files.createDirectories(SCREENSHOTS.resolve("downloads")).toAbsolutePath();
        warmUp();

        try (Chromium browser = Chromium.start(ChromiumAvailable.binary());
             DevTools devTools = DevTools.attach(browser.port())) {
            devTools.call("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 1366, "height", 768, "deviceScaleFactor", 1, "mobile", false));
            devTools.call("Page.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
            WebappPage page = new WebappPage(devTools, "http://127.0.0.1:" + port, Files.createDirectories(SCREENSHOTS));
            page.emulateDesktop("zh-CN", "Asia/Shanghai");
            try {
                page.login("cockpit", "supervisor");
            } catch (AssertionError slowStart) { // on a loaded machine RequireJS may give up on Cockpit's own bundle once
                page.login("cockpit", "supervisor");
            }

            page.waitFor("the board's summary on the dashboard", "document.querySelector('.parkflow-dashboard')");
            assertThat(page.bodyText()).contains("督查看板", "在办案件", "预警");
            page.screenshot("01-cockpit-dashboard");

            page.click("a", "督查看板");
            page.waitForText("在办案件（按流程和阶段）");
            page.waitForText("督查测试流程");
            assertThat(page.bodyText()).contains("预警（按部门）", "区商务委");
            page.screenshot("02-board-overview");

            page.open("cockpit/default/#/supervision?view=overdue&process=" + SupervisionFixture.PROCESS
                    + "&department=commerce");
            page.waitForText(late);
            assertThat(page.bodyText()).contains("逾期 5 个工作日", "逾期 2 个工作日", "剩 3 个工作日", "核查材料", "未签收");
            page.click("a.parkflow-sort", "办理期限");
            page.waitForText("办理期限 ▼");
            page.screenshot("03-board-overdue-list");

            page.click("button.parkflow-export", "导出 Excel");
            page.waitForText("已导出：督查看板-逾期清单.xlsx");
            Path file = downloads.resolve("督查看板-逾期清单.xlsx");
            for (int i = 0; i < 50 && !Files.exists(file); i++) {
                devTools.evaluate("new Promise(r => setTimeout(r, 100))");
            }
            assertThat(file).exists();
            try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(file))) {
                XSSFSheet sheet = workbook.getSheet("逾期清单");
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).contains("部门：区商务委", "排序：办理期限（降序）");
                assertThat(sheet.getRow(2).getCell(5).getLocalDateTimeCellValue())
                        .isEqualTo(LocalDateTime.of(2026, 10, 13, 17, 30));
            }

            page.click("a.parkflow-case-link", yellow);
            page.waitForText("办理过程");
            page.waitForText("【受理通知】节前到期");
            assertThat(page.bodyText()).contains("案件 " + yellow, "立案", "上传材料", "核查材料", "计划书.pdf",
                    "区商务委 经办人", "逾期 2 个工作日", "本案未设法定时限");
            assertThat(page.evaluate("document.querySelector('.parkflow-case table').innerText").asText()).as("the department by name")
                    .contains("区商务委").doesNotContain("commerce");
            page.screenshot("04-board-case-page");

            page.open("cockpit/default/#/supervision?view=on-time&days=365");
            page.waitForText("按环节");
            page.screenshot("05-board-on-time");

            page.open("cockpit/default/#/supervision?view=indicators");
            page.waitFor("the indicator chart", "document.querySelector('#parkflow-indicator-chart svg')");
            // target against actual by quarter, one chart per indicator (the register fallback: SupervisionApiTest)
            assertThat(page.bodyText()).contains("各季度末实际值（柱）与全年目标（虚线）");
            assertThat(page.evaluate("document.querySelectorAll('#parkflow-indicator-chart svg').length").asInt())
                    .isGreaterThanOrEqualTo(10);
            assertThat(page.evaluate("document.querySelector('#parkflow-indicator-chart').textContent").asText())
                    .contains("一季度", "四季度", "目标", "实际");
            page.screenshot("06-board-indicators");
        }
    }

}
