package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/** Submission through the REST API: the fraud ban answers 409 before anything starts. */
@Service
class IncubatorApplications {

    private final RuntimeService runtimeService;
    private final OperatorBans bans;

    IncubatorApplications(RuntimeService runtimeService, OperatorBans bans) {
        this.runtimeService = runtimeService;
        this.bans = bans;
    }

    /** Starts the certification as the authenticated applicant and returns the case number. */
    String submit(IncubatorApplication application) {
        bans.bannedUntil(application.creditCode(), EngineClock.today()).ifPresent(until -> {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, OperatorBans.refusal(until));
            problem.setTitle("申请不予接收");
            problem.setProperty("mayApplyFrom", until.toString());
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, null);
        });
        return runtimeService.startProcessInstanceByKey(IncubatorCertificationProcess.KEY, application.toVariables())
                .getBusinessKey();
    }
}
