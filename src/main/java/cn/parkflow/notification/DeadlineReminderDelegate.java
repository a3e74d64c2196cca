package cn.parkflow.notification;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.department.Roles;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${deadlineReminder}"} on the path of a (non-interrupting)
 * boundary timer, or as a listener on the timer event itself: mails template
 * {@code deadline-reminder} at level {@code reminderLevel} (BLUE / YELLOW / RED) to the reminded
 * task's departments (its candidate groups, else its assignee, else the case's department), and
 * for RED also to {@code supervision}. The reminded task is the one the timer is attached to, or
 * the activity named by {@code reminderTask}; {@code mailTo} adds recipients.
 */
@Component("deadlineReminder")
class DeadlineReminderDelegate implements JavaDelegate, ExecutionListener {

    static final String LEVEL = "reminderLevel";
    static final String TASK = "reminderTask";
    static final String TEMPLATE = "deadline-reminder";

    private final Notifications notifications;
    private final CaseFile cases;
    private final MailModel models;

    DeadlineReminderDelegate(Notifications notifications, CaseFile cases, MailModel models) {
        this.notifications = notifications;
        this.cases = cases;
        this.models = models;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execute(execution);
    }

    @Override
    public void execute(DelegateExecution execution) {
        ReminderLevel level = ReminderLevel.parse(execution.getVariable(LEVEL));
        FlowNode reminded = remindedActivity(execution);
        TaskService taskService = execution.getProcessEngineServices().getTaskService();
        List<Task> tasks = Context.getCommandContext().runWithoutAuthorization(() -> taskService.createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId()).taskDefinitionKey(reminded.getId()).list());
        Set<String> departments = new LinkedHashSet<>();
        Set<String> recipients = new LinkedHashSet<>();
        for (Task task : tasks) {
            List<IdentityLink> links = Context.getCommandContext()
                    .runWithoutAuthorization(() -> taskService.getIdentityLinksForTask(task.getId()));
            links.stream().map(IdentityLink::getGroupId).filter(group -> group != null).forEach(departments::add);
            if (departments.isEmpty() && task.getAssignee() != null) {
                recipients.add(task.getAssignee());
            }
        }
        String caseNumber = execution.getProcessBusinessKey();
        if (departments.isEmpty() && recipients.isEmpty() && caseNumber != null) {
            cases.find(caseNumber).map(CaseRecord::department).ifPresent(departments::add);
        }
        recipients.addAll(departments);
        if (level == ReminderLevel.RED) {
            recipients.add(Roles.SUPERVISION);
        }
        String extra = ProcessModels.text(execution.getVariable(SendMailDelegate.TO));
        if (extra != null && !extra.isEmpty()) {
            recipients.add(extra);
        }
        if (recipients.isEmpty()) {
            throw new IllegalStateException("期限提醒找不到收件人：活动 " + reminded.getId() + " 没有承办部门");
        }
        Map<String, Object> model = ProcessModels.of(execution);
        model.put(Notifications.STEP, tasks.isEmpty() ? reminded.getName() : tasks.get(0).getName());
        if (!tasks.isEmpty()) {
            ProcessModels.putIfPresent(model, Notifications.DEADLINE, tasks.get(0).getDueDate());
            model.put(Notifications.TASK_ID, tasks.get(0).getId());
        }
        model.put("routedTo", departments.stream().map(models::departmentName).collect(Collectors.joining("、")));
        model.put("levelLabel", level.label);
        model.put("levelHeadline", level.headline);
        model.put("levelColour", level.colour);
        model.putIfAbsent("levelMessage", model.getOrDefault("reminderMessage", level.message));
        notifications.enqueue(TEMPLATE, String.join(",", recipients), model,
                execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + TEMPLATE + ":" + level);
    }

    /** The activity named by {@code reminderTask}, else the one the timer on this path is attached to. */
    private static FlowNode remindedActivity(DelegateExecution execution) {
        FlowElement current = execution.getBpmnModelElementInstance();
        Object named = execution.getVariable(TASK);
        if (named != null) {
            FlowElement element = current.getModelInstance().getModelElementById(named.toString());
            if (element instanceof FlowNode node) {
                return node;
            }
            throw new IllegalArgumentException("reminderTask 指向不存在的活动: " + named);
        }
        Deque<FlowNode> todo = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        if (current instanceof FlowNode node) {
            todo.add(node);
        }
        while (!todo.isEmpty()) {
            FlowNode node = todo.poll();
            if (!seen.add(node.getId())) {
                continue;
            }
            if (node instanceof BoundaryEvent boundary) {
                return boundary.getAttachedTo();
            }
            node.getIncoming().stream().map(SequenceFlow::getSource).forEach(todo::add);
        }
        throw new IllegalStateException("期限提醒 " + execution.getCurrentActivityId()
                + " 不在边界定时事件之后，请用 reminderTask 指明提醒哪个任务");
    }
}
