package cn.parkflow.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** RFC 9457 problem details in Chinese, as every advice of {@code web} answers. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误", detail);
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
