package cn.parkflow.supervision;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The overdue list's filter and order: by department, process and colour; sorted by one of
 * {@link #SORTS} (default: most working days overdue first).
 */
record OverdueQuery(String department, String process, Colour colour, String sort, boolean descending) {

    static final Map<String, Comparator<OpenDeadline>> SORTS = Map.of(
            "overdue", Comparator.comparingInt(OpenDeadline::workingDaysOverdue),
            "due", Comparator.comparing(OpenDeadline::due),
            "caseNumber", Comparator.comparing(OpenDeadline::caseNumber),
            "department", Comparator.comparing(OpenDeadline::department),
            "process", Comparator.comparing(OpenDeadline::processName),
            "colour", Comparator.comparing(OpenDeadline::colour));

    List<OpenDeadline> apply(List<OpenDeadline> all, BoardScope scope) {
        Comparator<OpenDeadline> order = SORTS.get(sort);
        if (descending) {
            order = order.reversed();
        }
        return all.stream()
                .filter(d -> d.colour() != null && scope.includes(d.department()))
                .filter(d -> department == null || department.equals(d.department()))
                .filter(d -> process == null || process.equals(d.processKey()))
                .filter(d -> colour == null || colour == d.colour())
                .sorted(order.thenComparing(OpenDeadline::caseNumber).thenComparing(OpenDeadline::step))
                .toList();
    }

    /** The filter in words, for the first row of the export, e.g. "部门：stc；颜色：红；排序：逾期工作日（降序）". */
    String describe() {
        StringBuilder text = new StringBuilder();
        text.append("部门：").append(department == null ? "全部" : department);
        text.append("；流程：").append(process == null ? "全部" : process);
        text.append("；颜色：").append(colour == null ? "全部" : colour.label());
        text.append("；排序：").append(sort).append(descending ? "（降序）" : "（升序）");
        return text.toString();
    }
}
