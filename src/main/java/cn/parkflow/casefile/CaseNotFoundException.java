package cn.parkflow.casefile;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.http.ProblemDetail;

/** No case with this number. Rendered as a 404 problem detail. */
public class CaseNotFoundException extends ErrorResponseException {

    public CaseNotFoundException(String number) {
        super(HttpStatus.NOT_FOUND, ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "案件不存在: " + number), null);
    }
}
