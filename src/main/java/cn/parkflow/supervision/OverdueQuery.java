package cn.parkflow.supervision;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
    /** The sorts as the board's column headers name them. */
    static final Map<String, String> SORT_LABELS = Map.of("overdue", "逾期工作日", "due", "办理期限",
            "caseNumber", "案件编号", "department", "部门", "process", "流程", "colour", "颜色");

    /** Filters by colour and sorts; department and process are filtered where the deadlines are read. */
    List<OpenDeadline> apply(List<OpenDeadline> all) {
        Comparator<OpenDeadline> order = SORTS.get(sort);
        if (descending) {
            order = order.reversed();
        }
        return all.stream()
                .filter(d -> d.colour() != null && (colour == null || colour == d.colour()))
                .sorted(order.thenComparing(OpenDeadline::caseNumber).thenComparing(OpenDeadline::step))
                .toList();
    }

    /**
     * The filter in words, for the first row of the export, e.g.
     * "部门：区科委（园区管理办公室）；流程：全部；颜色：红；排序：逾期工作日（降序）".
     */
    String describe(Function<String, String> departmentName, Function<String, String> processName) {
        StringBuilder text = new StringBuilder();
        text.append("部门：").append(department == null ? "全部" : departmentName.apply(department));
        text.append("；流程：").append(process == null ? "全部" : processName.apply(process));
        text.append("；颜色：").append(colour == null ? "全部" : colour.label());
        text.append("；排序：").append(SORT_LABELS.get(sort)).append(descending ? "（降序）" : "（升序）");
        return text.toString();
    }
}
