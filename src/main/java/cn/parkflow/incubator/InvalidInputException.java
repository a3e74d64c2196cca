package cn.parkflow.incubator;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * Submitted variables break a rule. Thrown from listeners, it rolls back the command: the task
 * stays open (or the process does not start) and Tasklist shows the message.
 */
class InvalidInputException extends ProcessEngineException {

    InvalidInputException(String message) {
        super(message);
    }
}
