package cn.parkflow.calendar;

import cn.parkflow.engine.TaskCases;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The case a task belongs to ({@link TaskCases}): the caller's right to the case is decided by
 * {@code CaseAccess}, the same rule as for the case's own clock.
 */
@Component
class TaskCaseNumbers {

    private final TaskCases tasks;

    TaskCaseNumbers(TaskCases tasks) {
        this.tasks = tasks;
    }

    Optional<String> of(String taskId) {
        return tasks.of(taskId).map(TaskCases.TaskCase::caseNumber);
    }
}
