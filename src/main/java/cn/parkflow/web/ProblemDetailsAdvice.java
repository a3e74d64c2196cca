package cn.parkflow.web;

import static cn.parkflow.web.Problems.badRequest;
import static cn.parkflow.web.Problems.problem;

import jakarta.validation.ConstraintViolationException;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/**
 * Bad input to our REST API answers 400 with an RFC 9457 problem detail that names the field in
 * words an applicant understands, never a stack trace. Beside it: {@link EngineProblemsAdvice}
 * (engine and database) and {@link HttpProblemsAdvice} (the request's form: 415, 413, 405 …).
 * <p>
 * All three come before Spring Boot's ProblemDetailsExceptionHandler ({@code @Order(0)}), which
 * would answer the same exceptions first with English text that names no field; this one last of
 * the three, as a type-mismatch's cause is an IllegalArgumentException, answered here too.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class ProblemDetailsAdvice {

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        return badRequest(e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        return badRequest(e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        return badRequest(e.getConstraintViolations().stream()
                .map(violation -> lastNode(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; ")));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return badRequest("参数 " + e.getName() + " 的值“" + e.getValue() + "”格式不正确");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e) {
        return badRequest("缺少参数 " + e.getParameterName());
    }

    /** A multipart upload without its file, e.g. {@code file} of a case document. */
    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return badRequest(e.getRequestPartName() + "：请选择要上传的文件");
    }

    /**
     * A body that is not JSON, a value of the wrong type (text for a number, {@code 40.7} for a whole
     * number, a malformed date) or a text that breaks the text rules: the answer names the field.
     */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest(JsonFieldReasons.of(e));
    }

    @ExceptionHandler(InputHygiene.InputRefused.class)
    ProblemDetail inputRefused(InputHygiene.InputRefused e) {
        return problem(HttpStatus.valueOf(e.status), "请求内容有误", e.field + "：" + e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
