package cn.parkflow.supervision;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.figure.FigureSource;
import java.math.BigDecimal;
import java.time.LocalDate;
import cn.parkflow.security.CurrentUser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The 督查看板's API (read only): overview, overdue list, on-time rates and the case page, each also
 * as .xlsx. Supervisors and admins see every department, officers their own ({@link BoardScope}).
 */
@RestController
@RequestMapping("/api/supervision")
class SupervisionController {

    private final Overview overview;
    private final OpenDeadlines deadlines;
    private final OnTimeRates rates;
    private final CasePage cases;
    private final DepartmentDirectory departments;
    private final List<FigureSource> figures;
    private final ProcessNames processNames;

    SupervisionController(Overview overview, OpenDeadlines deadlines, OnTimeRates rates, CasePage cases,
                          DepartmentDirectory departments, List<FigureSource> figures, ProcessNames processNames) {
        this.figures = figures;
        this.processNames = processNames;
        this.overview = overview;
        this.deadlines = deadlines;
        this.rates = rates;
        this.cases = cases;
        this.departments = departments;
    }

    @GetMapping("/overview")
    Overview.View overview(@RequestParam(required = false) String department,
                           @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return overview.of(BoardScope.of(user, department, departments), EngineClock.now());
    }

    @GetMapping("/overdue")
    List<OpenDeadline> overdue(@RequestParam(required = false) String department,
                               @RequestParam(required = false) String process,
                               @RequestParam(required = false) String colour,
                               @RequestParam(defaultValue = "overdue") String sort,
                               @RequestParam(defaultValue = "desc") String order,
                               @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        BoardScope scope = BoardScope.of(user, department, departments);
        OverdueQuery query = query(department, process, colour, sort, order);
        return query.apply(deadlines.coloured(scope, query.process(), EngineClock.now()));
    }

    @GetMapping("/on-time")
    OnTimeRates.View onTime(@RequestParam(defaultValue = "90") int days,
                            @RequestParam(required = false) String department,
                            @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        BoardScope scope = BoardScope.of(user, department, departments);
        if (!OnTimeRates.PERIODS.contains(days)) {
            throw badRequest("统计期间（days）只能是 30、90 或 365 天");
        }
        return rates.of(scope, days, EngineClock.now());
    }

    @GetMapping("/cases/{number}")
    CasePage.View casePage(@PathVariable String number, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        BoardScope.of(user, null, departments); // the board's case page is for supervisors and officers
        return cases.of(number, user, EngineClock.now());
    }

    /**
     * The figures the registers keep (kernel {@code figure}), for the indicator chart before a
     * key-task list with its indicators exists, e.g. the incubator register's count.
     */
    @GetMapping("/figures")
    List<Figure> figures(@RequestParam int year, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        BoardScope.of(user, null, departments);
        LocalDate today = EngineClock.today();
        return figures.stream().flatMap(source -> source.codes().stream().sorted()
                .map(code -> new Figure(code, source.valueFor(code, year), source.quarterly(code, year, today))))
                .toList();
    }

    /** @param quarterly the figure up to each quarter's end (today for the current one), null for a quarter to come */
    record Figure(String code, BigDecimal value, List<BigDecimal> quarterly) {
    }

    @GetMapping("/overview.xlsx")
    ResponseEntity<byte[]> overviewExcel(@RequestParam(required = false) String department,
                                         @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        Overview.View view = overview(department, user);
        String filter = "部门：" + departmentName(department);
        return excel("督查看板-概览", SupervisionSheets.overview(filter, view));
    }

    @GetMapping("/overdue.xlsx")
    ResponseEntity<byte[]> overdueExcel(@RequestParam(required = false) String department,
                                        @RequestParam(required = false) String process,
                                        @RequestParam(required = false) String colour,
                                        @RequestParam(defaultValue = "overdue") String sort,
                                        @RequestParam(defaultValue = "desc") String order,
                                        @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        List<OpenDeadline> list = overdue(department, process, colour, sort, order, user);
        return excel("督查看板-逾期清单",
                SupervisionSheets.overdue(query(department, process, colour, sort, order)
                        .describe(deadlines::departmentName, key -> processNames.byKey().getOrDefault(key, key)), list));
    }

    @GetMapping("/on-time.xlsx")
    ResponseEntity<byte[]> onTimeExcel(@RequestParam(defaultValue = "90") int days,
                                       @RequestParam(required = false) String department,
                                       @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        OnTimeRates.View view = onTime(days, department, user);
        String filter = "近 " + days + " 天；部门：" + departmentName(department);
        return excel("督查看板-按期办结率", SupervisionSheets.onTime(filter, view));
    }

    @GetMapping("/cases/{number}.xlsx")
    ResponseEntity<byte[]> caseExcel(@PathVariable String number,
                                     @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return excel("案件-" + number, SupervisionSheets.casePage("案件编号：" + number, casePage(number, user)));
    }

    private String departmentName(String department) {
        return department == null || department.isBlank() ? "全部" : deadlines.departmentName(department);
    }

    private static OverdueQuery query(String department, String process, String colour, String sort, String order) {
        if (!OverdueQuery.SORTS.containsKey(sort)) {
            throw badRequest("排序字段（sort）只能是 " + String.join("、", OverdueQuery.SORTS.keySet().stream().sorted().toList()));
        }
        if (!order.equals("asc") && !order.equals("desc")) {
            throw badRequest("排序方向（order）只能是 asc 或 desc");
        }
        Colour wanted;
        try {
            wanted = Colour.parse(colour);
        } catch (IllegalArgumentException e) {
            throw badRequest("颜色（colour）只能是 蓝、黄、红（BLUE、YELLOW、RED）");
        }
        return new OverdueQuery(blankToNull(department), blankToNull(process), wanted, sort, order.equals("desc"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static ResponseEntity<byte[]> excel(String name, byte[] bytes) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_TYPE, Workbooks.CONTENT_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(name + ".xlsx", StandardCharsets.UTF_8).build().toString())
                .body(bytes);
    }

    private static ErrorResponseException badRequest(String detail) {
        return new ErrorResponseException(HttpStatus.BAD_REQUEST,
                ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail), null);
    }
}
