package cn.parkflow.keytask;

import cn.parkflow.security.CurrentUser;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The key-task list over HTTP: the tracked items with their colour ({@code GET /api/key-tasks}), the
 * indicators ({@code GET /api/indicators}), and a list uploaded as the year's draft
 * ({@code POST /api/key-task-lists/{year}/draft}, JSON, CSV or .xlsx; all or nothing) and the indicators'
 * baselines ({@code POST /api/key-task-lists/{year}/baselines}, CSV, .xlsx or JSON).
 */
@RestController
@Validated
class KeyTaskController {

    /** They see every item: supervisors and admins, stc (owns the list) and drc (co-approves it). */
    private static final Set<String> SEE_ALL = Set.of("stc", "drc");
    private static final int MAX_UPLOAD_BYTES = 2 * 1024 * 1024;

    private final KeyTaskRegister register;
    private final IndicatorCatalogue indicators;
    private final ListUpload upload;

    KeyTaskController(KeyTaskRegister register, IndicatorCatalogue indicators, ListUpload upload) {
        this.register = register;
        this.indicators = indicators;
        this.upload = upload;
    }

    @GetMapping("/api/key-tasks")
    List<KeyTaskView> keyTasks(@RequestParam int year, @RequestParam(required = false) String colour,
                               @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireYear(year);
        Colour wanted = colour == null || colour.isBlank() ? null : colour(colour);
        boolean all = user.readsEverything() || SEE_ALL.stream().anyMatch(user::belongsTo);
        if (!all && user.groups().stream().noneMatch(KeyTaskController::isDepartment)) {
            throw problem(HttpStatus.FORBIDDEN, "重点任务清单仅供督查室及责任单位查阅");
        }
        return register.items(year).stream()
                .filter(item -> wanted == null || item.colour() == wanted)
                .filter(item -> all || user.belongsTo(item.entry().leadDepartment())
                        || item.entry().cooperatingDepartments().stream().anyMatch(user::belongsTo))
                .map(KeyTaskView::of).toList();
    }

    @GetMapping("/api/indicators")
    List<IndicatorProgress> indicators(@RequestParam int year, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        requireYear(year);
        if (!user.isAdmin() && user.groups().stream().noneMatch(KeyTaskController::isDepartment)) {
            throw problem(HttpStatus.FORBIDDEN, "指标进度仅供工作人员查阅");
        }
        return indicators.progress(year);
    }

    @PostMapping("/api/key-task-lists/{year}/draft")
    DraftAnswer uploadDraft(@PathVariable int year, @RequestPart("file") MultipartFile file,
                            @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
        requireYear(year);
        if (!user.isAdmin() && !user.belongsTo("stc")) {
            throw problem(HttpStatus.FORBIDDEN, "仅区科委（园区管理办公室）可以上传年度清单");
        }
        if (file.isEmpty() || file.getSize() > MAX_UPLOAD_BYTES) {
            throw new KeyTaskListRefused(List.of("文件：请上传不超过 2 MB 的清单文件"));
        }
        List<KeyTaskEntry> entries = upload.read(year, file.getOriginalFilename(), file.getBytes());
        Map<String, BigDecimal> baselines = upload.baselines(file.getOriginalFilename(), file.getBytes());
        register.saveDraft(year, entries);
        indicators.ensureYear(year);
        baselines.forEach((code, baseline) -> indicators.setBaseline(year, code, baseline));
        return new DraftAnswer(year, entries.size());
    }

    /** Baselines on their own (CSV, .xlsx or JSON; the list's indicators are created if need be): all or nothing. */
    @PostMapping("/api/key-task-lists/{year}/baselines")
    BaselineAnswer uploadBaselines(@PathVariable int year, @RequestPart("file") MultipartFile file,
                                   @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) throws IOException {
        requireYear(year);
        if (!user.isAdmin() && !user.belongsTo("stc")) {
            throw problem(HttpStatus.FORBIDDEN, "仅区科委（园区管理办公室）可以上传指标基线");
        }
        if (file.isEmpty() || file.getSize() > MAX_UPLOAD_BYTES) {
            throw new KeyTaskListRefused(List.of("文件：请上传不超过 2 MB 的基线文件"));
        }
        Map<String, BigDecimal> baselines = upload.baselineFile(file.getOriginalFilename(), file.getBytes());
        indicators.ensureYear(year);
        baselines.forEach((code, baseline) -> indicators.setBaseline(year, code, baseline));
        return new BaselineAnswer(year, baselines.size());
    }

    record BaselineAnswer(int year, int baselines) {
    }

    @ExceptionHandler(KeyTaskListRefused.class)
    ProblemDetail refused(KeyTaskListRefused e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    private static boolean isDepartment(String group) {
        return !Set.of("applicants", "experts", "camunda-admin").contains(group);
    }

    private static Colour colour(String text) {
        return Arrays.stream(Colour.values()).filter(c -> c.name().equalsIgnoreCase(text) || c.label().equals(text))
                .findFirst().orElseThrow(() -> problem(HttpStatus.BAD_REQUEST,
                        "colour：应为 GREEN（绿）、BLUE（蓝）、YELLOW（黄）或 RED（红），而不是“" + text + "”"));
    }

    private static void requireYear(int year) {
        if (year < 2025 || year > 2100) {
            throw problem(HttpStatus.BAD_REQUEST, "year：年度应在 2025 至 2100 之间");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    record DraftAnswer(int year, int tasks) {
    }

    /** A tracked item as the list shows it: colour, lead department, last report and next deadline. */
    record KeyTaskView(int number, String title, String leadDepartment, List<String> cooperatingDepartments,
                       boolean keyItem, String colour, String colourLabel, int percentDone, Instant lastReportAt,
                       boolean lastReportLate, LocalDate nextDeadline, String caseNumber, String grade, Integer carriedFrom) {

        static KeyTaskView of(KeyTaskItem item) {
            KeyTaskEntry e = item.entry();
            return new KeyTaskView(e.number(), e.title(), e.leadDepartment(), e.cooperatingDepartments(), e.keyItem(),
                    item.colour().name(), item.colour().label(), item.percentDone(), item.lastReportAt(),
                    item.lastReportLate(), item.nextDeadline() != null ? item.nextDeadline() : e.deadline(),
                    item.caseNumber(), item.grade(), e.carriedFrom());
        }
    }
}
