package cn.parkflow.keytask;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;

/**
 * Reads an uploaded list as rows: JSON (an array of tasks, or {"tasks": […]}), CSV (UTF-8, a header
 * row with {@link ListRows#COLUMNS}) or Excel .xlsx (first sheet, same header). A file that cannot be
 * read at all is refused whole; its rows are then checked by {@link ListRows}.
 */
@Component
class ListUpload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ROWS = 500;

    private final ListRows rows;

    ListUpload(ListRows rows) {
        this.rows = rows;
    }

    List<KeyTaskEntry> read(int year, String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".json")) {
            return rows.entries(year, json(content), i -> "第" + (i + 1) + "项");
        }
        if (name.endsWith(".csv")) {
            return rows.entries(year, csv(content), i -> "第" + (i + 2) + "行");
        }
        if (name.endsWith(".xlsx")) {
            return rows.entries(year, xlsx(content), i -> "第" + (i + 2) + "行");
        }
        throw new KeyTaskListRefused(List.of("文件：只接受 .json、.csv 或 .xlsx 格式的清单（" + fileName + "）"));
    }

    /**
     * The indicator baselines entered with a list: {@code "baselines": {"RD_INTENSITY": 5.9}} in a JSON
     * list, the sheet 基线 ({@link BaselineUpload}) of an .xlsx list. A CSV list is one table of tasks and
     * carries none: its baselines come as a file of their own ({@link #baselineFile}).
     */
    Map<String, BigDecimal> baselines(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".xlsx")) {
            List<List<String>> sheet = xlsxLines(content, BaselineUpload.SHEET);
            return sheet == null ? Map.of() : BaselineUpload.baselines(sheet);
        }
        if (!name.endsWith(".json")) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw new KeyTaskListRefused(List.of("文件：不是有效的 JSON"));
        }
        JsonNode baselines = root == null ? null : root.get("baselines");
        if (baselines == null || baselines.isNull()) {
            return Map.of();
        }
        List<String> problems = new ArrayList<>();
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        if (!baselines.isObject()) {
            throw new KeyTaskListRefused(List.of("baselines：应为 指标代码 → 基线值 的对象"));
        }
        baselines.fields().forEachRemaining(field -> {
            if (!Indicator.known(field.getKey())) {
                problems.add("baselines：" + field.getKey() + " 不是已知的指标代码");
            } else if (!field.getValue().isNumber() || field.getValue().decimalValue().signum() < 0) {
                problems.add("baselines." + field.getKey() + "：基线值应为不小于0的数字");
            } else {
                result.put(field.getKey(), field.getValue().decimalValue());
            }
        });
        if (!problems.isEmpty()) {
            throw new KeyTaskListRefused(problems);
        }
        return result;
    }

    /** A baselines file of its own: CSV or .xlsx (first sheet) with the header indicatorCode,baseline, or JSON as in a list. */
    Map<String, BigDecimal> baselineFile(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.toLowerCase();
        if (name.endsWith(".csv")) {
            return BaselineUpload.baselines(CsvLines.parse(new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "")));
        }
        if (name.endsWith(".xlsx")) {
            return BaselineUpload.baselines(xlsxLines(content, null));
        }
        if (name.endsWith(".json")) {
            return baselines(fileName, content);
        }
        throw new KeyTaskListRefused(List.of("文件：只接受 .csv、.xlsx 或 .json 格式的基线表（" + fileName + "）"));
    }

    /** The seed plan's tasks as a first draft, from {@code keytask/seed-list.json}. */
    List<KeyTaskEntry> seed(int year) {
        try (var in = ListUpload.class.getResourceAsStream("/keytask/seed-list.json")) {
            return rows.entries(year, json(in.readAllBytes()), i -> "种子清单第" + (i + 1) + "项");
        } catch (IOException e) {
            throw new IllegalStateException("cannot read keytask/seed-list.json", e);
        }
    }

    private static List<Map<String, String>> json(byte[] content) {
        JsonNode root;
        try {
            root = JSON.readTree(content);
        } catch (IOException e) {
            throw new KeyTaskListRefused(List.of("文件：不是有效的 JSON"));
        }
        JsonNode tasks = root != null && root.has("tasks") ? root.get("tasks") : root;
        if (tasks == null || !tasks.isArray()) {
            throw new KeyTaskListRefused(List.of("文件：JSON 应为任务数组，或含 tasks 数组的对象"));
        }
        limit(tasks.size());
        List<Map<String, String>> result = new ArrayList<>();
        for (JsonNode task : tasks) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : ListRows.COLUMNS) {
                JsonNode value = task.get(column);
                if (value == null || value.isNull()) {
                    continue;
                }
                if (value.isArray()) {
                    List<String> parts = new ArrayList<>();
                    value.forEach(v -> parts.add(v.isObject() ? v.path("date").asText() + ":" + v.path("percent").asText()
                            : v.asText()));
                    row.put(column, String.join(";", parts));
                } else {
                    row.put(column, value.asText());
                }
            }
            result.add(row);
        }
        return result;
    }

    private static List<Map<String, String>> csv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8).replace("\uFEFF", "");
        List<List<String>> lines = CsvLines.parse(text);
        if (lines.isEmpty()) {
            throw new KeyTaskListRefused(List.of("文件：CSV 为空，第1行应为表头"));
        }
        limit(lines.size() - 1);
        return withHeader(lines.get(0), lines.subList(1, lines.size()));
    }

    private static List<Map<String, String>> xlsx(byte[] content) {
        List<List<String>> lines = xlsxLines(content, null);
        if (lines.isEmpty()) {
            throw new KeyTaskListRefused(List.of("文件：工作表为空，第1行应为表头"));
        }
        limit(lines.size() - 1);
        return withHeader(lines.get(0), lines.subList(1, lines.size()));
    }

    /** The cells of a sheet as text, trailing blank rows dropped: the first sheet, or the named one (null if absent). */
    private static List<List<String>> xlsxLines(byte[] content, String sheetName) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = sheetName == null ? workbook.getSheetAt(0) : workbook.getSheet(sheetName);
            if (sheet == null) {
                return null;
            }
            List<List<String>> lines = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
                        cells.add(cellText(row.getCell(c)));
                    }
                }
                lines.add(cells);
            }
            while (!lines.isEmpty() && lines.get(lines.size() - 1).stream().allMatch(String::isBlank)) {
                lines.remove(lines.size() - 1);
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyTaskListRefused refused) {
                throw refused;
            }
            throw new KeyTaskListRefused(List.of("文件：不是有效的 Excel（.xlsx）文件"));
        }
    }

    private static String cellText(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate().toString()
                    : BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

    private static List<Map<String, String>> withHeader(List<String> header, List<List<String>> lines) {
        List<String> unknown = header.stream().map(String::trim).filter(h -> !h.isEmpty() && !ListRows.COLUMNS.contains(h))
                .toList();
        if (!unknown.isEmpty() || !header.stream().map(String::trim).toList().contains("number")) {
            throw new KeyTaskListRefused(List.of("第1行：表头应为 " + String.join(",", ListRows.COLUMNS)
                    + (unknown.isEmpty() ? "" : "，未知列 " + String.join("、", unknown))));
        }
        List<Map<String, String>> result = new ArrayList<>();
        for (List<String> line : lines) {
            Map<String, String> row = new LinkedHashMap<>();
            for (int c = 0; c < header.size() && c < line.size(); c++) {
                row.put(header.get(c).trim(), line.get(c));
            }
            result.add(row);
        }
        return result;
    }

    private static void limit(int count) {
        if (count > MAX_ROWS) {
            throw new KeyTaskListRefused(List.of("文件：清单最多 " + MAX_ROWS + " 项任务"));
        }
    }
}
