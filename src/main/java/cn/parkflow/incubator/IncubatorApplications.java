package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Submission through the REST API: outside a call for applications, or for an operator banned for
 * fraud, it answers 409 before anything starts.
 */
@Service
class IncubatorApplications {

    private final RuntimeService runtimeService;
    private final OperatorBans bans;
    private final ApplicationWindows windows;

    IncubatorApplications(RuntimeService runtimeService, OperatorBans bans, ApplicationWindows windows) {
        this.runtimeService = runtimeService;
        this.bans = bans;
        this.windows = windows;
    }

    /** Starts the certification as the authenticated applicant and returns the case number. */
    String submit(IncubatorApplication application) {
        LocalDate today = EngineClock.today();
        windows.refusalOn(today).ifPresent(refusal -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, refusal + "。");
            problem.setTitle("申请不予接收");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        });
        bans.bannedUntil(application.creditCode(), today).ifPresent(until -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, OperatorBans.refusal(until));
            problem.setTitle("申请不予接收");
            problem.setProperty("mayApplyFrom", until.toString());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        });
        return runtimeService.startProcessInstanceByKey(IncubatorCertificationProcess.KEY, application.toVariables())
                .getBusinessKey();
    }
}
