package cn.parkflow.engine;

import org.camunda.bpm.engine.OptimisticLockingException;

/**
 * Someone else completed or changed the task between the user's reading and submitting it. Every
 * API answers 409 with {@link #MESSAGE}; nothing the user sent was kept.
 */
public class TaskTakenException extends OptimisticLockingException {

    public static final String MESSAGE = "该任务已由他人办理，请刷新后重试";

    TaskTakenException(Throwable cause) {
        super(MESSAGE, cause);
    }
}
