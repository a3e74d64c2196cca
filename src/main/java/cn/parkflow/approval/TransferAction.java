package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.util.List;
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

    private final Handover handover;
    private final TaskService taskService;
    private final AsServer asServer;
    private final ActionRecords records;

    TransferAction(Handover handover, TaskService taskService, AsServer asServer, ActionRecords records) {
        this.handover = handover;
        this.taskService = taskService;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void transfer(CurrentUser user, String taskId, String to, String reason) {
        String why = Actors.requireText(reason, "转办理由");
        OpenTask task = handover.heldBy(user, taskId, ACTION);
        handover.requirePeople(user, nullable(to), ACTION, "请选择转办给哪位同事");
        Set<String> departments = handover.departmentsOf(user, task);
        if (!task.properties().transfersAcrossDepartments() && !handover.belongs(to, departments)) {
            throw ActionRefused.notApplicable("「" + task.stepName() + "」只能转办给本部门（"
                    + handover.departmentNames(departments) + "）的同事，" + to + " 不在本部门。");
        }
        asServer.run(() -> taskService.setAssignee(taskId, to));
        records.record(TaskAction.on(task, TaskAction.Kind.TRANSFERRED, user.id(), null, to, why),
                "由 " + user.id() + " 转办给 " + to + "：" + why, to, taskId);
    }

    /** One person or none (a list of one null). */
    static List<String> nullable(String person) {
        return person == null ? List.of() : List.of(person);
    }
}
