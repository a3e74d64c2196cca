package cn.parkflow.notification;

import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.engine.EveryUserTaskListener;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * Decides, when a task opens for a department, whether the department hears of it at once or in
 * its next 待办汇总 ({@link DigestSender}), and queues it for the digest. Immediate: a step declared
 * urgent, a due date at most {@code immediate-within} working days away, or no due date at all.
 * Groups that are not departments (the expert pool) and single users are always mailed at once.
 */
@Component
class DigestQueue {

    private final DigestProperties properties;
    private final DigestRepository repository;
    private final DepartmentDirectory departments;
    private final WorkingDayCalendar calendar;

    DigestQueue(DigestProperties properties, DigestRepository repository, DepartmentDirectory departments,
                WorkingDayCalendar calendar) {
        this.properties = properties;
        this.repository = repository;
        this.departments = departments;
        this.calendar = calendar;
    }

    /** True when the new task waits for {@code group}'s digest (and is queued for it); false: mail at once. */
    boolean defer(DelegateTask task, String group) {
        if (!properties.enabled() || !departments.exists(group) || needsImmediateAction(task)) {
            return false;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        repository.add(group, task.getId(), task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey(),
                task.getName() == null ? task.getTaskDefinitionKey() : task.getName(),
                task.getDueDate() == null ? null : task.getDueDate().toInstant(), now);
        return true;
    }

    boolean needsImmediateAction(DelegateTask task) {
        if (properties.isUrgentStep(EveryUserTaskListener.processKey(task), task.getTaskDefinitionKey())
                || task.getDueDate() == null) {
            return true;
        }
        Instant now = ClockUtil.getCurrentTime().toInstant();
        return calendar.workingDaysBetween(calendar.dateOf(now), calendar.dateOf(task.getDueDate().toInstant()))
                <= properties.immediateWithin();
    }
}
