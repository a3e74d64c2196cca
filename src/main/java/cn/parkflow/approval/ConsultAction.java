package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 加签: the holder asks named people for an opinion before deciding. Each gets a subtask of the task
 * (征求意见); the holder's completion waits until every one is answered ({@link PendingRequests}).
 */
@Service
class ConsultAction {

    static final String ACTION = "加签";
    static final String SUBTASK_PREFIX = "征求意见：";

    private final Handover handover;
    private final Tasks tasks;
    private final TaskService taskService;
    private final AsServer asServer;
    private final ActionRecords records;

    ConsultAction(Handover handover, Tasks tasks, TaskService taskService, AsServer asServer, ActionRecords records) {
        this.handover = handover;
        this.tasks = tasks;
        this.taskService = taskService;
        this.asServer = asServer;
        this.records = records;
    }

    @Transactional
    void consult(CurrentUser user, String taskId, List<String> people, String question) {
        String asked = Actors.requireText(question, "征求意见事项");
        OpenTask task = handover.heldBy(user, taskId, ACTION);
        handover.requirePeople(user, people, ACTION, "请选择征求谁的意见");
        asServer.run(() -> {
            for (String person : people) {
                Task subtask = taskService.newTask();
                subtask.setParentTaskId(taskId);
                subtask.setName(SUBTASK_PREFIX + task.stepName());
                subtask.setDescription(asked);
                subtask.setAssignee(person);
                subtask.setOwner(user.id());
                subtask.setDueDate(task.task().getDueDate());
                taskService.saveTask(subtask);
            }
        });
        String names = String.join(",", people);
        records.record(TaskAction.on(task, TaskAction.Kind.CONSULTED, user.id(), null, names, asked),
                "向 " + String.join("、", people) + " 征求意见：" + asked, names, null);
    }

    /** The consulted person answers: the opinion goes with the step, their subtask ends. */
    @Transactional
    void answer(CurrentUser user, String subtaskId, String opinion) {
        String answer = Actors.requireText(opinion, "意见");
        Task subtask = asServer.call(() -> taskService.createTaskQuery().taskId(subtaskId).singleResult());
        if (subtask == null || subtask.getParentTaskId() == null) {
            throw ActionRefused.notApplicable("征求意见任务 " + subtaskId + " 不存在或已答复。");
        }
        if (!user.id().equals(subtask.getAssignee())) {
            throw ActionRefused.forbidden("只有被征求意见的人可以答复。");
        }
        OpenTask task = tasks.open(subtask.getParentTaskId());
        asServer.run(() -> {
            taskService.createComment(task.id(), task.processInstanceId(), user.id() + " 的意见：" + answer);
            taskService.complete(subtaskId);
        });
        records.record(TaskAction.on(task, TaskAction.Kind.CONSULTED, user.id(), null, subtask.getOwner(), answer),
                user.id() + " 答复征求意见：" + answer, subtask.getOwner(), task.id());
    }
}
