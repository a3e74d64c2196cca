package cn.parkflow.keytask;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Indicator baselines as a table of {@code indicatorCode,baseline} rows (the plan gives targets but no
 * baselines): a CSV or .xlsx file of its own ({@code POST /api/key-task-lists/{year}/baselines}), or the
 * sheet named 基线 of a list's .xlsx. An unknown code, a repeated code or a value that is not a number
 * ≥ 0 is refused naming its row, and nothing is stored.
 */
final class BaselineUpload {

    static final List<String> HEADER = List.of("indicatorCode", "baseline");
    /** The sheet of a list's workbook that carries the baselines. */
    static final String SHEET = "基线";

    private BaselineUpload() {
    }

    /** Rows as read from a file: the first is the header. */
    static Map<String, BigDecimal> baselines(List<List<String>> lines) {
        if (lines.isEmpty() || !lines.get(0).stream().map(String::trim).toList().containsAll(HEADER)) {
            throw new KeyTaskListRefused(List.of("第1行：基线表头应为 " + String.join(",", HEADER)));
        }
        List<String> header = lines.get(0).stream().map(String::trim).toList();
        int codeColumn = header.indexOf(HEADER.get(0));
        int valueColumn = header.indexOf(HEADER.get(1));
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> line = lines.get(i);
            String code = cell(line, codeColumn);
            String value = cell(line, valueColumn);
            String at = "第" + (i + 1) + "行";
            if (code.isEmpty() && value.isEmpty()) {
                continue;
            }
            if (!Indicator.known(code)) {
                problems.add(at + "：指标代码 " + code + " 不是已知的指标代码");
            } else if (firstRow.containsKey(code)) {
                problems.add(at + "：指标 " + code + " 重复（第" + firstRow.get(code) + "行已填）");
            } else {
                firstRow.put(code, i + 1);
                BigDecimal baseline = number(value);
                if (baseline == null || baseline.signum() < 0) {
                    problems.add(at + "：基线值应为不小于0的数字（" + value + "）");
                } else {
                    result.put(code, baseline);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new KeyTaskListRefused(problems);
        }
        return result;
    }

    private static String cell(List<String> line, int column) {
        return column < line.size() && line.get(column) != null ? line.get(column).trim() : "";
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
