package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.FormLabels;
import cn.parkflow.form.SubmissionRefused;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Process start listener: every new certification (REST or Tasklist start form) passes here.
 * It refuses an application outside an open call for applications (申报通知), checks the
 * application with the same rules as the REST API, refuses operators banned for fraud, opens the
 * case and makes its number the business key.
 */
@Component("incubatorApplicationIntake")
class ApplicationIntake implements ExecutionListener {

    /** Process variables hold more than the application (initiator, case data): ignore the rest. */
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT).build();

    private static final String STEP = "高质量孵化器认定申请";
    /** The start form, whose labels name a refused field. */
    private static final String START_FORM = "incubator-application";

    private final CaseFile caseFile;
    private final OperatorBans bans;
    private final Validator validator;
    private final IncubatorProperties properties;
    private final ApplicationWindows windows;

    ApplicationIntake(CaseFile caseFile, OperatorBans bans, Validator validator, IncubatorProperties properties,
                      ApplicationWindows windows) {
        this.caseFile = caseFile;
        this.bans = bans;
        this.windows = windows;
        this.validator = validator;
        this.properties = properties;
    }

    @Override
    public void notify(DelegateExecution execution) {
        LocalDate today = EngineClock.today();
        windows.refusalOn(today).ifPresent(refusal -> {
            throw new SubmissionRefused(STEP, List.of(refusal));
        });
        IncubatorApplication application = read(execution.getVariables());
        bans.bannedUntil(application.creditCode(), today).ifPresent(until -> {
            throw new SubmissionRefused(STEP, List.of(OperatorBans.refusal(until)));
        });
        String applicant = (String) execution.getVariable(APPLICANT);
        String number = caseFile.open(new NewCase(CASE_TYPE, "高质量孵化器认定申请：" + application.incubatorName(),
                applicant, application.operatorName(), "stc"), applicant == null ? CaseFile.SYSTEM : applicant).number();
        execution.setProcessBusinessKey(number);
        execution.setVariable(CASE_NUMBER, number);
        execution.setVariable(OPERATING_YEARS, Period.between(application.foundingDate(), today).getYears());
        execution.setVariable(SUPPLEMENT_ROUND, 0);
        execution.setVariable(EXPERT_PANEL_SIZE, properties.expertPanelSize());
    }

    /** Reads and validates the start variables; the message names every bad field. */
    IncubatorApplication read(Map<String, Object> variables) {
        IncubatorApplication application;
        try {
            application = JSON.convertValue(variables, IncubatorApplication.class);
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused(STEP, List.of(typeError(e)));
        }
        String errors = validator.validate(application).stream()
                .map(ApplicationIntake::describe)
                .sorted()
                .collect(Collectors.joining("；"));
        if (!errors.isEmpty()) {
            throw new SubmissionRefused(STEP, List.of(errors));
        }
        return application;
    }

    private static String describe(ConstraintViolation<?> violation) {
        return FormLabels.describe(START_FORM, violation);
    }

    private static String typeError(IllegalArgumentException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return FormLabels.label(START_FORM, mismatch.getPath().get(0).getFieldName()) + "：格式不正确";
        }
        return "申请内容格式不正确";
    }
}
