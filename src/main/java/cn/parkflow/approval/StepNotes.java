package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the holder of a step reads before deciding: the 审批意见 of the earlier steps, and the actions
 * taken on the case (a 退回 with its reason, a 转办, a 催办), oldest first.
 */
@Service
class StepNotes {

    private final Tasks tasks;
    private final TaskService taskService;
    private final HistoryService historyService;
    private final ActionLog log;
    private final AsServer asServer;

    StepNotes(Tasks tasks, TaskService taskService, HistoryService historyService, ActionLog log, AsServer asServer) {
        this.tasks = tasks;
        this.taskService = taskService;
        this.historyService = historyService;
        this.log = log;
        this.asServer = asServer;
    }

    record Note(String kind, String step, String actor, String text, Instant at) {
    }

    @Transactional(readOnly = true)
    List<Note> of(CurrentUser user, String taskId) {
        OpenTask task = tasks.open(taskId);
        if (!user.readsEverything() && !task.isWorkedBy(user.id(), user.groups())) {
            throw ActionRefused.forbidden("只能查看本人办理的任务的审批意见。");
        }
        List<Note> notes = new ArrayList<>();
        asServer.run(() -> taskService.getProcessInstanceComments(task.processInstanceId()).forEach(comment ->
                notes.add(new Note(OpinionRecorder.LABEL, stepName(comment.getTaskId()), comment.getUserId(),
                        comment.getFullMessage(), comment.getTime().toInstant()))));
        for (TaskAction action : log.of(task.processInstanceId())) {
            String text = action.reason() == null ? action.action().label
                    : action.action().label + "：" + action.reason();
            notes.add(new Note(action.action().label, action.step(), action.actor(), text, action.occurredAt()));
        }
        notes.sort(Comparator.comparing(Note::at));
        return notes;
    }

    private String stepName(String taskId) {
        if (taskId == null) {
            return null;
        }
        var task = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
        return task == null ? null : task.getName();
    }
}
