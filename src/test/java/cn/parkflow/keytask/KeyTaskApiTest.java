package cn.parkflow.keytask;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.department.DepartmentHeads;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * GET /api/key-tasks and /api/indicators on this year's demo list, and list uploads (JSON, CSV, .xlsx)
 * with their refusals, over HTTP on PostgreSQL as the real users.
 */
class KeyTaskApiTest extends KeyTaskApplicationTest {

    private static final int YEAR = EngineClock.today().getYear();
    private static final String HEADER = "number,title,sourceClause,leadDepartment,cooperatingDepartments,target,"
            + "indicatorCode,keyItem,milestones,deadline\n";

    @Autowired
    KeyTaskRegister register;
    @Autowired
    DepartmentHeads heads;
    @Autowired
    JdbcClient jdbc;

    private HttpResponse<String> upload(int year, String user, String fileName, byte[] content) {
        return http().postFile("/api/key-task-lists/" + year + "/draft", user, "note", "上传", fileName,
                "application/octet-stream", content);
    }

    @Test
    void shouldShowSupervisorsEveryItemAndOfficersTheirOwnDepartmentsWithColours() {
        JsonNode all = json(http().get("/api/key-tasks?year=" + YEAR, "supervisor"));
        assertThat(all).hasSize(17);
        List<String> colours = new ArrayList<>();
        all.forEach(item -> colours.add(item.path("colour").asText()));
        assertThat(colours).as("the demo spreads the colours").contains("GREEN", "BLUE", "YELLOW", "RED");
        assertThat(all.get(0).path("nextDeadline").asText()).isNotBlank();

        JsonNode commerce = json(http().get("/api/key-tasks?year=" + YEAR, "commerce-officer"));
        assertThat(commerce).extracting(item -> item.path("number").asInt()).containsExactly(17);
        JsonNode sjtu = json(http().get("/api/key-tasks?year=" + YEAR, "sjtu-tto-officer"));
        assertThat(sjtu).extracting(item -> item.path("number").asInt()).containsExactly(3, 4, 11); // cooperating

        JsonNode red = json(http().get("/api/key-tasks?year=" + YEAR + "&colour=RED", "stc-officer"));
        assertThat(red).isNotEmpty().allSatisfy(item -> assertThat(item.path("colourLabel").asText()).isEqualTo("红"));

        HttpResponse<String> badColour = http().get("/api/key-tasks?year=" + YEAR + "&colour=PURPLE", "supervisor");
        assertThat(badColour.statusCode()).isEqualTo(400);
        assertThat(badColour.body()).contains("colour", "GREEN（绿）");
        assertThat(http().get("/api/key-tasks?year=" + YEAR, "applicant1").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldShowIndicatorProgressWithTheIncubatorFigureFromTheRegister() {
        HttpResponse<String> response = http().get("/api/indicators?year=" + YEAR, "econ-officer");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode rows = json(response);
        assertThat(rows).hasSize(11);
        JsonNode incubators = find(rows, "HIGH_QUALITY_INCUBATORS");
        assertThat(incubators.path("source").asText()).isEqualTo("REGISTER");
        assertThat(incubators.path("target").decimalValue()).isEqualByComparingTo("2");
        assertThat(incubators.path("actual").isNull()).isFalse(); // counted in the certificate register
        assertThat(find(rows, "UPGRADED_INCUBATORS").path("target").decimalValue()).isEqualByComparingTo("10");
        assertThat(find(rows, "PCT_APPLICATIONS").path("kind").asText()).isEqualTo("FLOW");
        assertThat(find(rows, "FUND_SCALE").path("owner").asText()).isEqualTo("finance");
        assertThat(http().get("/api/indicators?year=" + YEAR, "applicant1").statusCode()).isEqualTo(403);
    }

    @Test
    void shouldRefuseABadCsvNamingEachRowAndStoreNothing() {
        String csv = HEADER
                + "1,任务甲,条款1,stc,,目标甲,,否,,\n"
                + "2,任务乙,条款2,no-such-dept,,目标乙,,否,,\n"
                + "1,任务丙,条款3,econ,mhedz,目标丙,,是,,\n"
                + "4,任务丁,条款4,econ,,目标丁,,否,2031-06-30:50,\n";

        HttpResponse<String> response = upload(2032, "stc-officer", "list.csv", csv.getBytes(StandardCharsets.UTF_8));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("第3行：牵头单位 no-such-dept 不是已知的部门代码", "第4行：任务序号 1 重复",
                "第5行：节点 2031-06-30 不在 2032 年内");
        assertThat(register.listStatus(2032)).isEmpty();
    }

    @Test
    void shouldRefuseBadJsonAndXlsxRowsAndOtherUsers() throws Exception {
        String json = "{\"tasks\":[{\"number\":1,\"title\":\"任务甲\",\"sourceClause\":\"条款\",\"leadDepartment\":\"stc\","
                + "\"target\":\"目标\"},{\"number\":2,\"title\":\"任务乙\",\"sourceClause\":\"条款\",\"leadDepartment\":\"stc\","
                + "\"cooperatingDepartments\":[\"nobody\"],\"target\":\"目标\"}]}";
        HttpResponse<String> badJson = upload(2032, "stc-officer", "list.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(badJson.statusCode()).isEqualTo(400);
        assertThat(badJson.body()).contains("第2项：配合单位 nobody 不是已知的部门代码");

        HttpResponse<String> badXlsx = upload(2032, "stc-officer", "list.xlsx",
                xlsx(new Object[] {1, "任务甲", "条款", "stc", "", "目标", "", "否", "", ""},
                        new Object[] {2, "", "条款", "stc", "", "目标", "", "否", "", "2033-01-05"}));
        assertThat(badXlsx.statusCode()).isEqualTo(400);
        assertThat(badXlsx.body()).contains("第3行：任务名称：必填", "第3行：完成时限 2033-01-05 不在 2032 年内");

        assertThat(upload(2032, "stc-officer", "list.txt", new byte[] {1}).body()).contains("只接受 .json、.csv 或 .xlsx");
        assertThat(upload(2032, "econ-officer", "list.json", json.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);
        assertThat(register.listStatus(2032)).isEmpty();
    }

    @Test
    void shouldStoreAGoodXlsxAsTheDraft() throws Exception {
        HttpResponse<String> response = upload(2034, "stc-officer", "list.xlsx",
                xlsx(new Object[] {1, "建设高质量科创孵化平台", "二、（四）10", "stc", "zerobay", "建成高质量孵化器", "HIGH_QUALITY_INCUBATORS",
                                "是", "2034-06-30:40;2034-09-30:75", "2034-12-31"},
                        new Object[] {2, "加强科技金融服务供给", "二、（六）15", "finance", "", "基金规模350亿元", "FUND_SCALE", "否", "", ""}));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(register.items(2034)).hasSize(2);
        assertThat(register.item(2034, 1).entry().milestones()).hasSize(2);
        assertThat(register.item(2034, 1).entry().keyItem()).isTrue();
    }

    @Test
    void shouldTakeBaselinesFromACsvOfTheirOwnAndFromTheListsXlsxRefusingBadRowsWhole() throws Exception {
        // a CSV of baselines for 2037, one bad row each way: nothing is stored
        String bad = "indicatorCode,baseline\nGDP,1\nRD_INTENSITY,-1\nPCT_APPLICATIONS,很多\nFUND_SCALE,300\nFUND_SCALE,310\n";
        HttpResponse<String> refused = baselines(2037, "stc-officer", "baselines.csv", bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("第2行：指标代码 GDP 不是已知的指标代码", "第3行：基线值应为不小于0的数字（-1）",
                "第4行：基线值应为不小于0的数字（很多）", "第6行：指标 FUND_SCALE 重复（第5行已填）");
        assertThat(json(http().get("/api/indicators?year=2037", "stc-officer")).toString()).doesNotContain("\"baseline\":300");

        // the good CSV
        String good = "indicatorCode,baseline\nRD_INTENSITY,5.9\nFUND_SCALE,300\n";
        HttpResponse<String> stored = baselines(2037, "stc-officer", "baselines.csv", good.getBytes(StandardCharsets.UTF_8));
        assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
        JsonNode rows = json(http().get("/api/indicators?year=2037", "stc-officer"));
        assertThat(find(rows, "RD_INTENSITY").path("baseline").decimalValue()).isEqualByComparingTo("5.9");
        assertThat(find(rows, "FUND_SCALE").path("baseline").decimalValue()).isEqualByComparingTo("300");
        assertThat(baselines(2037, "econ-officer", "baselines.csv", good.getBytes(StandardCharsets.UTF_8)).statusCode())
                .isEqualTo(403);

        // an .xlsx list with its sheet 基线
        byte[] list = xlsxWithBaselines(new Object[][] {{"PCT_APPLICATIONS", 150}},
                new Object[] {1, "加强科技金融服务供给", "二、（六）15", "finance", "", "基金规模350亿元", "FUND_SCALE", "否", "", ""});
        HttpResponse<String> drafted = upload(2038, "stc-officer", "list.xlsx", list);
        assertThat(drafted.statusCode()).as(drafted.body()).isEqualTo(200);
        assertThat(find(json(http().get("/api/indicators?year=2038", "stc-officer")), "PCT_APPLICATIONS").path("baseline")
                .decimalValue()).isEqualByComparingTo("150");
    }

    private HttpResponse<String> baselines(int year, String user, String fileName, byte[] content) {
        return http().postFile("/api/key-task-lists/" + year + "/baselines", user, "note", "基线", fileName,
                "application/octet-stream", content);
    }

    @Test
    void shouldLetOnlyAnAdminNameADepartmentHead() {
        String body = "{\"user\":\"health-officer\"}";
        Optional<String> before = heads.headOf("health");
        try {
            assertThat(put("/api/departments/health/head", "stc-officer", body).statusCode()).isEqualTo(403);
            assertThat(put("/api/departments/no-such/head", "admin", body).statusCode()).isEqualTo(404);
            HttpResponse<String> unknownUser = put("/api/departments/health/head", "admin", "{\"user\":\"nobody-here\"}");
            assertThat(unknownUser.statusCode()).isEqualTo(400);
            assertThat(unknownUser.body()).contains("用户 nobody-here 不存在");

            assertThat(put("/api/departments/health/head", "admin", body).statusCode()).isEqualTo(200);
            assertThat(json(http().get("/api/departments/heads", "supervisor")).path("health").asText()).isEqualTo("health-officer");
            assertThat(json(http().get("/api/departments/heads", "supervisor")).path("econ").asText()).isEqualTo("econ-head");
        } finally {
            // the classes after this one in the JVM share the database: health's head as it was
            before.ifPresentOrElse(head -> heads.setHead("health", head, "test", Instant.now()),
                    () -> jdbc.sql("DELETE FROM department_head WHERE department_code = 'health'").update());
        }
    }

    private HttpResponse<String> put(String path, String user, String json) {
        return http().send(http().request(path, user).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json)));
    }

    private static JsonNode find(JsonNode rows, String code) {
        for (JsonNode row : rows) {
            if (code.equals(row.path("code").asText())) {
                return row;
            }
        }
        throw new AssertionError("no indicator " + code);
    }

    private static byte[] xlsx(Object[]... rows) throws Exception {
        return xlsxWithBaselines(null, rows);
    }

    /** A list workbook, with the sheet 基线 when {@code baselines} are given. */
    private static byte[] xlsxWithBaselines(Object[][] baselines, Object[]... rows) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (baselines != null) {
                Sheet sheet = workbook.createSheet("基线");
                sheet.createRow(0).createCell(0).setCellValue("indicatorCode");
                sheet.getRow(0).createCell(1).setCellValue("baseline");
                for (int r = 0; r < baselines.length; r++) {
                    Row row = sheet.createRow(r + 1);
                    row.createCell(0).setCellValue((String) baselines[r][0]);
                    row.createCell(1).setCellValue(((Number) baselines[r][1]).doubleValue());
                }
            }
            Sheet sheet = workbook.createSheet("清单");
            workbook.setSheetOrder("清单", 0);
            String[] header = HEADER.trim().split(",");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < rows[r].length; c++) {
                    Object value = rows[r][c];
                    if (value instanceof Integer i) {
                        row.createCell(c).setCellValue(i);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(value));
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }
}
