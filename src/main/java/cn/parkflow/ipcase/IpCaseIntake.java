package cn.parkflow.ipcase;

import static cn.parkflow.ipcase.IpProtectionCaseProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.SubmissionRefused;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Start listener of {@code ip-protection-case}: checks the request with the REST API's rules, lets
 * only the workstation enter a walk-in's case on their behalf, opens the case (type IP, at
 * {@code ip-station}) and makes its number the business key. Who hears by mail: the applicant's
 * account, else the address a walk-in gave, else the workstation, which tells them in person.
 */
@Component("ipCaseIntake")
class IpCaseIntake implements ExecutionListener {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private static final String STEP = "知识产权维权申请";

    private final CaseFile caseFile;
    private final Validator validator;
    private final StationOfficers station;

    IpCaseIntake(CaseFile caseFile, Validator validator, StationOfficers station) {
        this.caseFile = caseFile;
        this.validator = validator;
        this.station = station;
    }

    /** Whether a user works at the workstation ({@code ip-station} member). */
    @FunctionalInterface
    interface StationOfficers {
        boolean includes(String user);
    }

    @Component
    static class StationMembership implements StationOfficers {

        private final IdentityService identityService;

        StationMembership(IdentityService identityService) {
            this.identityService = identityService;
        }

        @Override
        public boolean includes(String user) {
            return user != null && identityService.createGroupQuery().groupMember(user).groupId(STATION).count() > 0;
        }
    }

    @Override
    public void notify(DelegateExecution execution) {
        IpCaseApplication application = read(execution.getVariables());
        String initiator = (String) execution.getVariable(APPLICANT);
        if (application.isWalkIn() && !station.includes(initiator)) {
            throw new SubmissionRefused(STEP, List.of("现场来访：只有维权援助工作站工作人员可以代为登记"));
        }
        String applicantUser = application.isWalkIn() ? null : initiator;
        String number = caseFile.open(new NewCase(CASE_TYPE, application.title(), applicantUser,
                application.applicantName(), STATION), initiator == null ? CaseFile.SYSTEM : initiator).number();
        execution.setProcessBusinessKey(number);
        execution.setVariable(CASE_NUMBER, number);
        if (application.isWalkIn()) {
            caseFile.record(number, initiator, "ENTERED_ON_BEHALF", null, "工作站代现场来访的权利人 "
                    + application.applicantName() + " 登记");
        }
        String contact = contactOf(applicantUser, application.applicantEmail());
        execution.setVariable(APPLICANT_CONTACT, contact);
        execution.setVariable(PARTIES_CONTACT, application.counterpartyEmail() == null
                || application.counterpartyEmail().isBlank() ? contact : contact + "," + application.counterpartyEmail());
        execution.setVariable(COURT_ACCEPTED, application.isCourtAccepted());
        execution.setVariable(WALK_IN, application.isWalkIn());
        execution.setVariable(CHANNEL_HISTORY, "");
        execution.setVariable(RECEIVED_AT, Date.from(EngineClock.now()));
    }

    /** An account hears at its own address; a walk-in at the address given, or through the workstation. */
    static String contactOf(String applicantUser, String email) {
        if (applicantUser != null) {
            return applicantUser;
        }
        return email == null || email.isBlank() ? STATION : email;
    }

    /** Reads and validates the start variables; the message names every bad field by its label. */
    IpCaseApplication read(Map<String, Object> variables) {
        IpCaseApplication application;
        try {
            application = JSON.convertValue(variables, IpCaseApplication.class);
        } catch (IllegalArgumentException e) {
            throw new SubmissionRefused(STEP, List.of(typeError(e)));
        }
        List<String> errors = violations(validator, application);
        if (!errors.isEmpty()) {
            throw new SubmissionRefused(STEP, errors);
        }
        return application;
    }

    static List<String> violations(Validator validator, IpCaseApplication application) {
        return validator.validate(application).stream().map(IpCaseIntake::describe).sorted().collect(Collectors.toList());
    }

    private static String describe(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return IpCaseApplication.LABELS.getOrDefault(path, path) + "：" + violation.getMessage();
    }

    private static String typeError(IllegalArgumentException e) {
        if (e.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = mismatch.getPath().get(0).getFieldName();
            return IpCaseApplication.LABELS.getOrDefault(field, field) + "：格式不正确";
        }
        return "申请内容格式不正确";
    }
}
