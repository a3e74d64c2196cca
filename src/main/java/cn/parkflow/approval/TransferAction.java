package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 转办: the holder hands the task to a colleague of the same department (the task's departments, or
 * the holder's when it is routed to none), with a reason; across departments only where the step
 * declares {@value StepProperties#TRANSFER_ANY_DEPARTMENT}.
 */
@Service
class TransferAction {

    static final String ACTION = "转办";

    private final Tasks tasks;
    private final Colleagues colleagues;
    private final TaskService taskService;
    private final AsServer asServer;
    private final ActionRecords records;

    TransferAction(Tasks tasks, Colleagues colleagues, TaskService taskService, AsServer asServer,
                   ActionRecords records) {
        this.tasks = tasks;
        this.colleagues = colleagues;
        this.taskService = taskService;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void transfer(CurrentUser user, String taskId, String to, String reason) {
        String why = Actors.requireText(reason, "转办理由");
        OpenTask task = tasks.open(taskId);
        Actors.requireHandler(user, task, ACTION);
        if (to == null || to.equals(user.id())) {
            throw ActionRefused.notApplicable("请选择转办给哪位同事（不能转办给自己）。");
        }
        if (!colleagues.exists(to)) {
            throw ActionRefused.notApplicable("用户 " + to + " 不存在，不能转办。");
        }
        requireSameDepartment(user, task, to);
        asServer.run(() -> taskService.setAssignee(taskId, to));
        records.record(TaskAction.on(task, TaskAction.Kind.TRANSFERRED, user.id(), null, to, why),
                "由 " + user.id() + " 转办给 " + to + "：" + why, to, taskId);
    }

    private void requireSameDepartment(CurrentUser user, OpenTask task, String to) {
        if (task.properties().transfersAcrossDepartments()) {
            return;
        }
        Set<String> departments = colleagues.departmentsAmong(task.candidateGroups());
        if (departments.isEmpty()) {
            departments = colleagues.departmentsAmong(user.groups());
        }
        Set<String> theirs = colleagues.groupsOf(to);
        if (departments.stream().noneMatch(theirs::contains)) {
            String names = String.join("、", departments.stream().map(colleagues::departmentName).sorted().toList());
            throw ActionRefused.notApplicable("「" + task.stepName() + "」只能转办给本部门（" + names + "）的同事，"
                    + to + " 不在本部门。");
        }
    }
}
