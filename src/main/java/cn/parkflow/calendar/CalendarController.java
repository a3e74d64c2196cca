package cn.parkflow.calendar;

import cn.parkflow.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The working-day calendar over HTTP, and the admin's way to load next year's holiday notice. */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** About ten years of working days: anything longer is a typing error, not a deadline. */
    static final int MAX_WORKING_DAYS = 2500;
    private static final String YEAR_RANGE = "年份必须在 " + HolidayYear.FIRST_YEAR + " 至 " + HolidayYear.LAST_YEAR
            + " 之间";
    private static final int FIRST_DATE_YEAR = 1900;
    private static final int LAST_DATE_YEAR = 2199;

    private final WorkingDayCalendar calendar;
    private final HolidayYears years;

    CalendarController(WorkingDayCalendar calendar, HolidayYears years) {
        this.calendar = calendar;
        this.years = years;
    }

    @GetMapping("/working-days")
    DateAnswer addWorkingDays(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                              @RequestParam @Min(value = 0, message = "工作日数不能为负数")
                              @Max(value = MAX_WORKING_DAYS, message = "工作日数不能超过 " + MAX_WORKING_DAYS) int add) {
        requireSupported("from", from);
        LocalDate date = calendar.addWorkingDays(from, add);
        return new DateAnswer(date, calendar.isProvisional(from, date));
    }

    @GetMapping("/working-days/between")
    CountAnswer between(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                        @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireSupported("from", from);
        requireSupported("to", to);
        return new CountAnswer(from, to, calendar.workingDaysBetween(from, to), calendar.isProvisional(from, to));
    }

    @GetMapping("/years/{year}")
    YearView year(@PathVariable @Min(value = HolidayYear.FIRST_YEAR, message = YEAR_RANGE)
              @Max(value = HolidayYear.LAST_YEAR, message = YEAR_RANGE) int year) {
        var stored = years.stored(year).orElseThrow(() -> problem(HttpStatus.NOT_FOUND,
                year + " 年尚无节假日数据：该年按周一至周五计算，结果标记为临时（provisional）"));
        years.refresh(); // another node may have loaded it a moment ago
        HolidayYear data = calendar.year(year).orElseThrow();
        return YearView.of(data, stored, workingDaysIn(year));
    }

    @PutMapping("/years/{year}")
    YearView replaceYear(@PathVariable @Min(value = HolidayYear.FIRST_YEAR, message = YEAR_RANGE)
              @Max(value = HolidayYear.LAST_YEAR, message = YEAR_RANGE) int year,
                         @RequestBody YearDocument document, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(request);
        if (user == null || !user.isAdmin()) {
            throw problem(HttpStatus.FORBIDDEN, "仅系统管理员可以加载节假日数据");
        }
        years.replace(document.toHolidayYear(year), user.id());
        return year(year);
    }

    private int workingDaysIn(int year) {
        return calendar.workingDaysBetween(LocalDate.of(year - 1, 12, 31), LocalDate.of(year, 12, 31));
    }

    private static void requireSupported(String parameter, LocalDate date) {
        if (date.getYear() < FIRST_DATE_YEAR || date.getYear() > LAST_DATE_YEAR) {
            throw new IllegalArgumentException(parameter + ": 日期必须在 " + FIRST_DATE_YEAR + " 至 " + LAST_DATE_YEAR
                    + " 年之间");
        }
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    record DateAnswer(LocalDate date, boolean provisional) {
    }

    record CountAnswer(LocalDate from, LocalDate to, int workingDays, boolean provisional) {
    }

    /** A year's data with its check figure (working days in the year) and who loaded it. */
    record YearView(int year, String notice, List<String> holidays, List<String> makeUpWorkingDays,
                    int workingDays, String origin, String updatedBy, Instant updatedAt) {

        static YearView of(HolidayYear data, HolidayYearRepository.StoredYear stored, int workingDays) {
            YearDocument document = YearDocument.of(data);
            return new YearView(data.year(), data.notice(), document.holidays(), document.makeUpWorkingDays(),
                    workingDays, stored.origin(), stored.updatedBy(), stored.updatedAt());
        }
    }
}
