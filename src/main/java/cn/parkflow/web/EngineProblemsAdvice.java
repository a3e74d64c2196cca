package cn.parkflow.web;

import static cn.parkflow.web.Problems.problem;

import cn.parkflow.engine.TaskTakenException;
import cn.parkflow.form.SubmissionRefused;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * What the engine or the database answered our API: a refused submission (400 naming the step
 * and each field), a conflict (409), an outage (503), a refused authorization (403), else 500; all
 * in Chinese, never a stack trace. First of the advices: an engine exception is answered here even
 * when its cause is something {@link ProblemDetailsAdvice} knows (e.g. an IllegalArgumentException).
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineProblemsAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(EngineProblemsAdvice.class);

    /** A process's rule refused a start or a step: its sentence names the step and each field. */
    @ExceptionHandler(SubmissionRefused.class)
    ProblemDetail refused(SubmissionRefused refused) {
        return problem(HttpStatus.BAD_REQUEST, "提交未通过", refused.getMessage());
    }

    /** Someone else moved the same task or case first; nothing of this request was kept. */
    @ExceptionHandler(OptimisticLockingException.class)
    ProblemDetail conflict(OptimisticLockingException e) {
        return problem(HttpStatus.CONFLICT, "操作冲突", TaskTakenException.MESSAGE);
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
}
