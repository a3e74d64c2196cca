package cn.parkflow.supervision;

import static cn.parkflow.supervision.SupervisionFixture.PROCESS;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The board's lists exported to .xlsx and read back with POI. */
class SupervisionExcelTest extends SupervisionDataSetTest {

    @Test
    void shouldExportTheFilteredOverdueListWithItsFilterChineseHeadersAndRealDates() throws IOException {
        HttpResponse<byte[]> response = http().getBytes("/api/supervision/overdue.xlsx?process=" + PROCESS
                + "&department=" + DEPARTMENT + "&sort=due&order=asc", "supervisor");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            XSSFSheet sheet = workbook.getSheet("逾期清单");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue())
                    .isEqualTo("筛选条件：部门：区商务委；流程：督查测试流程；颜色：全部；排序：办理期限（升序）");
            assertThat(texts(sheet.getRow(1))).containsExactly("案件编号", "流程", "环节", "部门", "承办人", "办理期限",
                    "逾期工作日", "颜色");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:H5");
            assertThat(sheet.getLastRowNum()).isEqualTo(4); // filter + header + red, yellow, blue
            Row red = sheet.getRow(2);
            assertThat(red.getCell(0).getStringCellValue()).isEqualTo(cases.red());
            assertThat(red.getCell(1).getStringCellValue()).isEqualTo("督查测试流程");
            assertThat(red.getCell(3).getStringCellValue()).isEqualTo("区商务委");
            Cell due = red.getCell(5);
            assertThat(due.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(due)).isTrue();
            assertThat(due.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.of(2026, 9, 24, 17, 30));
            assertThat(red.getCell(6).getNumericCellValue()).isEqualTo(5);
            assertThat(red.getCell(7).getStringCellValue()).isEqualTo("红");
            assertThat(sheet.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(2);
        }
    }

    @Test
    void shouldExportOnTimeRatesOverviewAndCaseTimeline() throws IOException {
        try (XSSFWorkbook rates = workbook("/api/supervision/on-time.xlsx?days=30&department=" + DEPARTMENT)) {
            XSSFSheet steps = rates.getSheet("按环节");
            assertThat(steps.getRow(0).getCell(0).getStringCellValue()).isEqualTo("筛选条件：近 30 天；部门：区商务委");
            Row fixture = null;
            for (Row row : steps) {
                if (row.getRowNum() > 1 && "督查测试流程".equals(row.getCell(1).getStringCellValue())) {
                    fixture = row;
                }
            }
            assertThat(fixture).isNotNull();
            assertThat(fixture.getCell(3).getNumericCellValue()).isEqualTo(3);
            assertThat(fixture.getCell(5).getNumericCellValue()).isEqualTo(66.7);
            assertThat(rates.getSheet("按部门").getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
        }
        try (XSSFWorkbook overview = workbook("/api/supervision/overview.xlsx")) {
            assertThat(texts(overview.getSheet("在办案件").getRow(1))).containsExactly("流程", "阶段", "在办件数");
            assertThat(texts(overview.getSheet("预警").getRow(1))).containsExactly("部门", "蓝", "黄", "红");
        }
        try (XSSFWorkbook timeline = workbook("/api/supervision/cases/" + cases.yellow() + ".xlsx")) {
            XSSFSheet sheet = timeline.getSheet("办理过程");
            assertThat(texts(sheet.getRow(1))).containsExactly("时间", "办理人", "事项", "结果");
            assertThat(DateUtil.isCellDateFormatted(sheet.getRow(2).getCell(0))).isTrue();
            assertThat(sheet.getRow(2).getCell(2).getStringCellValue()).isEqualTo("立案");
        }
    }

    private XSSFWorkbook workbook(String path) throws IOException {
        HttpResponse<byte[]> response = http().getBytes(path, "supervisor");
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return new XSSFWorkbook(new ByteArrayInputStream(response.body()));
    }

    private static java.util.List<String> texts(Row row) {
        java.util.List<String> texts = new java.util.ArrayList<>();
        row.forEach(cell -> texts.add(cell.getStringCellValue()));
        return texts;
    }
}
