package cn.parkflow.notification;

import cn.parkflow.engine.EveryUserTaskListener;
import java.util.Map;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.IdentityLink;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The standard triggers for every user task of every process: a task routed to candidate groups
 * mails each department's mailbox (other groups: their members; candidate users: themselves),
 * once for the seats of a panel opened together;
 * a task assigned to someone mails the assignee, unless they assigned it to themselves (a claim) or
 * the assignment is announced by its own mail ({@link AnnouncedAssignments}).
 * A department hears of a task that needs no immediate action in its hourly digest instead
 * ({@link DigestQueue}).
 */
@Component
class TaskNotifier implements EveryUserTaskListener {

    static final String TASK_CREATED = "task-created";
    static final String TASK_ASSIGNED = "task-assigned";

    private final Notifications notifications;
    private final MailModel models;
    private final DigestQueue digest;

    @Autowired
    TaskNotifier(Notifications notifications, MailModel models, DigestQueue digest) {
        this.notifications = notifications;
        this.models = models;
        this.digest = digest;
    }

    /** Without digests: every new task is mailed at once (engine tests without Spring). */
    TaskNotifier(Notifications notifications, MailModel models) {
        this(notifications, models, null);
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE, TaskListener.EVENTNAME_ASSIGNMENT);
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            assigned(task);
        }
    }

    private void created(DelegateTask task) {
        // sorted: the engine keeps candidates in no particular order
        Set<String> groups = new TreeSet<>();
        Set<String> recipients = new TreeSet<>();
        for (IdentityLink link : task.getCandidates()) {
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
                if (digest == null || !digest.defer(task, link.getGroupId())) {
                    recipients.add(link.getGroupId());
                }
            } else if (link.getUserId() != null && !link.getUserId().equals(task.getAssignee())) {
                recipients.add(link.getUserId());
            }
        }
        if (recipients.isEmpty()) {
            return;
        }
        Map<String, Object> model = ProcessModels.of(task);
        if (!groups.isEmpty()) {
            model.put("routedTo", groups.stream().map(models::departmentName).collect(Collectors.joining("、")));
        }
        notifications.enqueue(TASK_CREATED, String.join(",", recipients), model, creationEvent(task));
    }

    /**
     * One mail per person per event: the seats of a panel (a parallel multi-instance step, each seat
     * possibly opened by its own job) are one event, so an expert gets one 声明利益冲突 mail, not one
     * per seat. The key names the step and the execution that holds the seats; a task outside any
     * parallel part is an event of its own. A seat reopened for a named expert mails that expert as
     * its assignee.
     */
    static String creationEvent(DelegateTask task) {
        for (ExecutionEntity execution = (ExecutionEntity) task.getExecution(); execution != null;
             execution = execution.getParent()) {
            if (execution.isConcurrent() && execution.getParent() != null) {
                return "step:" + execution.getParentId() + ":" + task.getTaskDefinitionKey() + ":created";
            }
        }
        return "task:" + task.getId() + ":created";
    }

    private void assigned(DelegateTask task) {
        String assignee = task.getAssignee();
        if (assignee == null || assignee.equals(currentUser(task)) || AnnouncedAssignments.active()) {
            return;
        }
        notifications.enqueue(TASK_ASSIGNED, assignee, ProcessModels.of(task), "task:" + task.getId() + ":assigned");
    }

    private static String currentUser(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }
}
