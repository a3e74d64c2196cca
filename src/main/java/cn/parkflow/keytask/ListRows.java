package cn.parkflow.keytask;

import cn.parkflow.department.DepartmentDirectory;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the rows of an uploaded list (JSON, CSV or Excel, each row as column → text) into entries,
 * or refuses the whole list with one sentence per problem naming its row: an unknown department, a
 * duplicate task number, a milestone outside the year, and every missing or malformed field.
 */
@Component
class ListRows {

    static final List<String> COLUMNS = List.of("number", "title", "sourceClause", "leadDepartment",
            "cooperatingDepartments", "target", "indicatorCode", "keyItem", "milestones", "deadline");

    private final DepartmentDirectory departments;

    ListRows(DepartmentDirectory departments) {
        this.departments = departments;
    }

    /** @param rowLabel how a row is named in a message, e.g. "第3行" (a file's line) or "第3项" (a JSON element) */
    List<KeyTaskEntry> entries(int year, List<Map<String, String>> rows, java.util.function.IntFunction<String> rowLabel) {
        List<String> problems = new ArrayList<>();
        List<KeyTaskEntry> entries = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        if (rows.isEmpty()) {
            problems.add("清单：没有任何任务");
        }
        for (int i = 0; i < rows.size(); i++) {
            String at = rowLabel.apply(i);
            Map<String, String> row = rows.get(i);
            int before = problems.size();
            Integer number = parseNumber(text(row, "number"), at, problems);
            if (number != null && !numbers.add(number)) {
                problems.add(at + "：任务序号 " + number + " 重复");
            }
            String title = required(row, "title", "任务名称", 200, at, problems);
            String clause = required(row, "sourceClause", "来源条款", 200, at, problems);
            String lead = required(row, "leadDepartment", "牵头单位", 64, at, problems);
            if (lead != null && !departments.exists(lead)) {
                problems.add(at + "：牵头单位 " + lead + " 不是已知的部门代码");
            }
            List<String> cooperating = new ArrayList<>();
            for (String code : split(text(row, "cooperatingDepartments"), "[;；、,|]")) {
                if (!departments.exists(code)) {
                    problems.add(at + "：配合单位 " + code + " 不是已知的部门代码");
                } else if (code.equals(lead)) {
                    problems.add(at + "：配合单位 " + code + " 与牵头单位相同");
                } else if (!cooperating.contains(code)) {
                    cooperating.add(code);
                }
            }
            String target = required(row, "target", "工作目标", 500, at, problems);
            String indicator = text(row, "indicatorCode");
            if (indicator != null && !Indicator.known(indicator)) {
                problems.add(at + "：关联指标 " + indicator + " 不是已知的指标代码");
            }
            boolean key = parseFlag(text(row, "keyItem"), at, problems);
            LocalDate deadline = LocalDate.of(year, 12, 31);
            if (text(row, "deadline") != null) {
                deadline = parseDate(text(row, "deadline"), "完成时限", at, problems);
                if (deadline != null && deadline.getYear() != year) {
                    problems.add(at + "：完成时限 " + deadline + " 不在 " + year + " 年内");
                }
            }
            List<Milestone> milestones = parseMilestones(text(row, "milestones"), year, at, problems);
            if (problems.size() == before) {
                entries.add(new KeyTaskEntry(number, title, clause, lead, cooperating, target, indicator, key, milestones,
                        deadline, null));
            }
        }
        if (!problems.isEmpty()) {
            throw new KeyTaskListRefused(problems);
        }
        return entries;
    }

    private static List<Milestone> parseMilestones(String text, int year, String at, List<String> problems) {
        List<Milestone> milestones = new ArrayList<>();
        int previous = -1;
        for (String part : split(text, "[;；]")) {
            String[] pieces = part.split("[:：]");
            LocalDate date = pieces.length == 2 ? parseDate(pieces[0].trim(), "节点日期", at, problems) : null;
            Integer percent = pieces.length == 2 ? parsePercent(pieces[1].trim(), at, problems) : null;
            if (pieces.length != 2) {
                problems.add(at + "：节点 " + part + " 应写成 日期:完成百分比，如 " + year + "-06-30:50");
            } else if (date != null && date.getYear() != year) {
                problems.add(at + "：节点 " + date + " 不在 " + year + " 年内");
            } else if (date != null && percent != null) {
                if (percent < previous) {
                    problems.add(at + "：节点 " + date + " 的完成百分比低于前一节点");
                }
                previous = percent;
                milestones.add(new Milestone(date, percent));
            }
        }
        return milestones;
    }

    private static Integer parsePercent(String text, String at, List<String> problems) {
        try {
            int percent = Integer.parseInt(text.replace("%", ""));
            if (percent >= 0 && percent <= 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(at + "：节点完成百分比 " + text + " 应为 0 至 100 的整数");
        return null;
    }

    private static LocalDate parseDate(String text, String label, String at, List<String> problems) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            problems.add(at + "：" + label + " " + text + " 不是 yyyy-MM-dd 格式的日期");
            return null;
        }
    }

    private static Integer parseNumber(String text, String at, List<String> problems) {
        if (text == null) {
            problems.add(at + "：任务序号：必填");
            return null;
        }
        try {
            int number = new java.math.BigDecimal(text).intValueExact();
            if (number >= 1 && number <= 999) {
                return number;
            }
        } catch (NumberFormatException | ArithmeticException e) {
            // reported below
        }
        problems.add(at + "：任务序号 " + text + " 应为 1 至 999 的整数");
        return null;
    }

    private static boolean parseFlag(String text, String at, List<String> problems) {
        if (text == null) {
            return false;
        }
        return switch (text.trim().toLowerCase()) {
            case "true", "是", "1", "yes" -> true;
            case "false", "否", "0", "no" -> false;
            default -> {
                problems.add(at + "：是否重点事项 " + text + " 应为 是 或 否");
                yield false;
            }
        };
    }

    private static String required(Map<String, String> row, String column, String label, int max, String at,
                                   List<String> problems) {
        String value = text(row, column);
        if (value == null) {
            problems.add(at + "：" + label + "：必填");
        } else if (value.length() > max) {
            problems.add(at + "：" + label + "：不能超过" + max + "个字");
        }
        return value;
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static List<String> split(String text, String separators) {
        if (text == null) {
            return List.of();
        }
        return java.util.Arrays.stream(text.split(separators)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
