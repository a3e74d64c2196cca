package cn.parkflow.supervision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Board lists as .xlsx (Apache POI): the filter that was applied in words in the first row,
 * Chinese headers in the second, frozen above the data and with Excel's filter buttons on them;
 * moments as real Excel dates in the administration's time zone, numbers as numbers. Written with
 * POI's streaming workbook (SXSSF): only a window of rows stays in memory, the rest goes to a
 * temporary file, so an overdue list of thousands of rows is written quickly and in little memory.
 */
final class Workbooks {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Rows kept in memory per sheet; the freeze pane and the filter only need the first two. */
    private static final int WINDOW = 200;

    private final SXSSFWorkbook workbook = new SXSSFWorkbook(WINDOW);
    private final CellStyle dates;
    private final CellStyle headers;
    private final ZoneId zone;

    Workbooks(ZoneId zone) {
        this.zone = zone;
        dates = workbook.createCellStyle();
        dates.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm"));
        headers = workbook.createCellStyle();
        Font bold = workbook.createFont();
        bold.setBold(true);
        headers.setFont(bold);
    }

    /** One column: its Chinese header and how a row gives its value (String, Number, Instant or null). */
    record Column<T>(String header, Function<T, Object> value) {
    }

    <T> Workbooks sheet(String name, String filter, List<Column<T>> columns, List<T> rows) {
        SXSSFSheet sheet = workbook.createSheet(name);
        sheet.createRow(0).createCell(0).setCellValue("筛选条件：" + filter);
        Row header = sheet.createRow(1);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(headers);
            sheet.setColumnWidth(c, 20 * 256);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 2);
            for (int c = 0; c < columns.size(); c++) {
                write(row.createCell(c), columns.get(c).value().apply(rows.get(r)));
            }
        }
        sheet.createFreezePane(0, 2);
        sheet.setAutoFilter(new CellRangeAddress(1, Math.max(1, rows.size() + 1), 0, columns.size() - 1));
        return this;
    }

    private void write(Cell cell, Object value) {
        if (value instanceof Instant instant) {
            cell.setCellValue(instant.atZone(zone).toLocalDateTime());
            cell.setCellStyle(dates);
        } else if (value instanceof Number number) {
            cell.setCellValue(number.doubleValue());
        } else if (value != null) {
            cell.setCellValue(value.toString());
        }
    }

    byte[] bytes() {
        try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            workbook.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
