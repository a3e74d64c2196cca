package cn.parkflow.ipcase;

import cn.parkflow.form.SubmissionRefused;
import cn.parkflow.security.CurrentUser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A right holder (or the workstation on behalf of a walk-in) submits an IP case; the departments
 * that receive the monthly statistics, the workstation and supervisors read them. Evidence is
 * attached through the kernel's case documents. Errors are problem details in Chinese naming the field.
 */
@RestController
@RequestMapping("/api/ip-cases")
class IpCaseController {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final List<String> STATISTICS_READERS = List.of("amr", "justice", IpProtectionCaseProcess.STATION);

    private final RuntimeService runtimeService;
    private final Validator validator;
    private final IpStatistics statistics;

    IpCaseController(RuntimeService runtimeService, Validator validator, IpStatistics statistics) {
        this.runtimeService = runtimeService;
        this.validator = validator;
        this.statistics = statistics;
    }

    /** 201 with the case number; the workstation's officers submit on behalf of a walk-in (always {@code walkIn}). */
    @PostMapping
    ResponseEntity<Map<String, String>> submit(@RequestBody Map<String, Object> body,
                                               @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        boolean station = user.belongsTo(IpProtectionCaseProcess.STATION);
        if (!user.isApplicant() && !station) {
            throw problem(HttpStatus.FORBIDDEN, "只有权利人或维权援助工作站工作人员（代现场来访者）可以提交维权申请");
        }
        Map<String, Object> variables = new java.util.HashMap<>(body);
        variables.put(IpProtectionCaseProcess.WALK_IN, station && !user.isApplicant());
        IpCaseApplication application;
        try {
            application = JSON.convertValue(variables, IpCaseApplication.class);
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused("知识产权维权申请", List.of("请求内容格式不正确：" + fieldOf(e)));
        }
        List<String> errors = IpCaseIntake.violations(validator, application);
        if (!errors.isEmpty()) {
            throw new SubmissionRefused("知识产权维权申请", errors);
        }
        String number = runtimeService.startProcessInstanceByKey(IpProtectionCaseProcess.KEY, variables).getBusinessKey();
        return ResponseEntity.created(URI.create("/api/cases/" + number)).body(Map.of("caseNumber", number));
    }

    @GetMapping("/statistics")
    IpStatistics.Monthly statistics(@RequestParam String month, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        boolean allowed = user.readsEverything() || (!user.isApplicant() && STATISTICS_READERS.stream().anyMatch(user::belongsTo));
        if (!allowed) {
            throw problem(HttpStatus.FORBIDDEN, "知识产权案件统计仅供市场监管局、司法局、维权援助工作站和督查人员查阅");
        }
        try {
            return statistics.of(YearMonth.parse(month));
        } catch (DateTimeParseException e) {
            throw problem(HttpStatus.BAD_REQUEST, "month：月份格式应为 yyyy-MM，例如 2026-10");
        }
    }

    private static String fieldOf(IllegalArgumentException e) {
        if (e.getCause() instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(0).getFieldName();
            return IpCaseApplication.LABELS.getOrDefault(field, field) + "格式不正确";
        }
        return "无法解析";
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
