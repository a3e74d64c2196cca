package cn.parkflow.approval;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.CaseStages;
import cn.parkflow.security.CurrentUser;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The lines of 我发起的 and 抄送我的 in Tasklist: each case with its status in Chinese (the process's
 * stage label, 办理中 or 已办结 for the kernel's own), its open steps, the
 * caller's own open task in it (for the link) and whether the caller may 催办 or 抄送 it.
 */
@Component
class CaseRows {

    record CaseRow(String number, String title, String status, String currentStep, String myTaskId, boolean urge,
                   boolean copy) {
    }

    private final TaskService taskService;
    private final AsServer asServer;
    private final CaseAccess access;
    private final ObjectProvider<CaseStages> stages;

    CaseRows(TaskService taskService, AsServer asServer, CaseAccess access, ObjectProvider<CaseStages> stages) {
        this.taskService = taskService;
        this.asServer = asServer;
        this.access = access;
        this.stages = stages;
    }

    List<CaseRow> of(CurrentUser user, List<CaseRecord> records) {
        Map<String, String> labels = new HashMap<>(Map.of(CaseFile.STATUS_OPEN, "办理中", CaseFile.STATUS_CLOSED, "已办结"));
        stages.orderedStream().forEach(process -> labels.putAll(process.labels()));
        return records.stream().map(record -> row(user, record, labels)).toList();
    }

    private CaseRow row(CurrentUser user, CaseRecord record, Map<String, String> labels) {
        List<Task> open = asServer.call(() -> taskService.createTaskQuery().processInstanceBusinessKey(record.number())
                .list());
        String steps = open.stream().map(Task::getName).distinct().collect(Collectors.joining("、"));
        String mine = open.stream().filter(task -> user.id().equals(task.getAssignee())).map(Task::getId)
                .findFirst().orElse(null);
        return new CaseRow(record.number(), record.title(), labels.getOrDefault(record.status(), record.status()),
                steps.isEmpty() ? null : steps, mine, !open.isEmpty() && Actors.mayUrge(user, record),
                Actors.mayCopy(user, record, access));
    }
}
