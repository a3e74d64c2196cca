package cn.parkflow.approval;

import cn.parkflow.department.Roles;
import cn.parkflow.security.CurrentUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 委派: the holder asks a colleague of the department, or an expert, to work the task and give it
 * back (Camunda's delegateTask); the delegate gives it back with their opinion (resolveTask). The
 * engine itself refuses to complete a task while it is delegated.
 */
@Service
class DelegateAction {

    static final String ACTION = "委派";

    private final Handover handover;
    private final Tasks tasks;
    private final TaskService taskService;
    private final AsServer asServer;
    private final ActionRecords records;

    DelegateAction(Handover handover, Tasks tasks, TaskService taskService, AsServer asServer, ActionRecords records) {
        this.handover = handover;
        this.tasks = tasks;
        this.taskService = taskService;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void delegate(CurrentUser user, String taskId, String to, String reason) {
        String why = Actors.requireText(reason, "委派说明");
        OpenTask task = handover.heldBy(user, taskId, ACTION);
        if (task.task().getDelegationState() == DelegationState.PENDING) {
            throw ActionRefused.notApplicable("「" + task.stepName() + "」已委派给 " + task.task().getAssignee() + "，尚未交回。");
        }
        handover.requirePeople(user, TransferAction.nullable(to), ACTION, "请选择委派给哪位同事或专家");
        if (!handover.belongs(to, handover.departmentsOf(user, task), Roles.EXPERTS)) {
            throw ActionRefused.notApplicable("只能委派给本部门的同事或评审专家，" + to + " 两者都不是。");
        }
        asServer.run(() -> {
            if (task.task().getAssignee() == null) {
                taskService.setAssignee(taskId, user.id());
            }
            taskService.delegateTask(taskId, to);
        });
        records.record(TaskAction.on(task, TaskAction.Kind.DELEGATED, user.id(), null, to, why),
                "由 " + user.id() + " 委派给 " + to + "：" + why, to, taskId);
    }

    @Transactional
    void resolve(CurrentUser user, String taskId, String opinion) {
        String answer = Actors.requireText(opinion, "办理意见");
        OpenTask task = tasks.open(taskId);
        if (task.task().getDelegationState() != DelegationState.PENDING || !user.id().equals(task.task().getAssignee())) {
            throw ActionRefused.forbidden("只有受委派人可以交回委派的任务。");
        }
        String owner = task.task().getOwner();
        asServer.run(() -> {
            taskService.createComment(taskId, task.processInstanceId(), "委派办理意见：" + answer);
            taskService.resolveTask(taskId);
        });
        records.record(TaskAction.on(task, TaskAction.Kind.RESOLVED, user.id(), null, owner, answer),
                user.id() + " 交回委派：" + answer, owner, taskId);
    }
}
