package cn.parkflow.approval;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** An action the caller may not take (403) or that does not apply now (409), in one Chinese sentence. */
class ActionRefused extends ErrorResponseException {

    ActionRefused(HttpStatus status, String detail) {
        super(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }

    static ActionRefused forbidden(String detail) {
        return new ActionRefused(HttpStatus.FORBIDDEN, detail);
    }

    static ActionRefused notApplicable(String detail) {
        return new ActionRefused(HttpStatus.CONFLICT, detail);
    }

    @Override
    public String getMessage() {
        return getBody().getDetail();
    }
}
