package cn.parkflow.web;

import cn.parkflow.form.SubmissionRefused;
import cn.parkflow.engine.TaskTakenException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import com.fasterxml.jackson.databind.JsonMappingException;
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
 * The one problem-details advice of our REST API: bad input and refused submissions answer 400
 * with an RFC 9457 problem detail that names the field in words an applicant understands. Never
 * a stack trace.
 */
@RestControllerAdvice
// before Spring Boot's ProblemDetailsExceptionHandler (@Order(0)), which would answer these same
// exceptions first with English text that names no field ("Validation failure")
@Order(Ordered.HIGHEST_PRECEDENCE)
class ProblemDetailsAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(detail);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameter(HandlerMethodValidationException e) {
        String detail = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> result.getMethodParameter().getParameterName() + ": " + error.getDefaultMessage()))
                .collect(Collectors.joining("; "));
        return badRequest(detail);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(violation -> lastNode(violation.getPropertyPath().toString()) + ": " + violation.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return badRequest(detail);
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
        if (e.getCause() instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return badRequest(path(mapping) + "：" + reason(mapping));
        }
        if (e.getCause() instanceof JsonProcessingException parse && parse.getLocation() != null) {
            return badRequest("请求内容不是有效的 JSON（第" + parse.getLocation().getLineNr() + "行第"
                    + parse.getLocation().getColumnNr() + "列）");
        }
        return badRequest(e.getCause() == null ? "请求内容：不能为空，应为 JSON" : "请求内容不是有效的 JSON");
    }

    @ExceptionHandler(InputHygiene.InputRefused.class)
    ProblemDetail inputRefused(InputHygiene.InputRefused e) {
        return problem(HttpStatus.valueOf(e.status), "请求内容有误", e.field + "：" + e.getMessage());
    }

    /** Someone else moved the same task or case first; nothing of this request was kept. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail conflict(OptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "操作冲突", TaskTakenException.MESSAGE);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail unsupportedType(HttpMediaTypeNotSupportedException e) {
        String supported = e.getSupportedMediaTypes().isEmpty() ? "application/json"
                : e.getSupportedMediaTypes().stream().map(Object::toString).collect(Collectors.joining("、"));
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求格式不受支持",
                "Content-Type：不支持“" + e.getContentType() + "”，应为 " + supported);
    }

    /** Spring's multipart limit, just above the kernel's own per-file limit. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail uploadTooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, "上传内容过大", "file：上传的文件过大，超过了允许的上限");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail notMultipart(MultipartException e) {
        return badRequest("file：请以 multipart/form-data 上传文件");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail methodNotAllowed(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, "请求方法不受支持", "请求方法：此地址不接受 " + e.getMethod());
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return problem(HttpStatus.NOT_ACCEPTABLE, "无法提供所需格式", "Accept：本接口只提供 JSON");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail notFound(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "地址不存在", "地址：没有 /" + e.getResourcePath());
    }

    /** A process's rule refused a start or a step: its sentence names the step and each field. */
    @ExceptionHandler(SubmissionRefused.class)
    ProblemDetail refused(SubmissionRefused refused) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, refused.getMessage());
        problem.setTitle("提交未通过");
        return problem;
    }

    /**
     * What the database or the engine could not do: 503 while the database is unavailable (the
     * client may retry), 403 for a refused engine authorization, else 500, all in Chinese.
     */
    @ExceptionHandler({DataAccessException.class, TransactionException.class, ProcessEngineException.class})
    ProblemDetail serverSide(Exception e) {
        // the engine wraps what a task listener throws (ENGINE-03051): a refusal inside is still a refusal
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof SubmissionRefused refusal) {
                return refused(refusal);
            }
        }
        if (DatabaseUnavailable.isOutage(e)) {
            return problem(HttpStatus.SERVICE_UNAVAILABLE, "服务暂时不可用", DatabaseUnavailable.MESSAGE);
        }
        if (e instanceof AuthorizationException) {
            return problem(HttpStatus.FORBIDDEN, "无权操作", "无权执行此操作");
        }
        LOG.error("Request failed", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "服务器内部错误", "服务器内部错误，请稍后重试");
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return badRequest(e.getMessage());
    }

    private static ProblemDetail badRequest(String detail) {
        return problem(HttpStatus.BAD_REQUEST, "请求内容有误", detail);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    /** {@code holidays[2]}, {@code applicant.name}: the field as the client wrote it. */
    private static String path(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : mapping.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(JsonMappingException mapping) {
        if (mapping instanceof InputHygiene.TextRefused) {
            return mapping.getOriginalMessage();
        }
        if (mapping instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            Class<?> type = mismatch.getTargetType();
            if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                    || type == Short.class || type == short.class) {
                return "格式不正确，应为整数";
            }
            if (Number.class.isAssignableFrom(type) || type == double.class) {
                return "格式不正确，应为数字";
            }
            if (type == Boolean.class || type == boolean.class) {
                return "格式不正确，应为 true 或 false";
            }
            if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
                return "格式不正确，日期应如 2026-05-01";
            }
        }
        return "格式不正确";
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }
}
