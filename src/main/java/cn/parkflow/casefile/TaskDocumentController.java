package cn.parkflow.casefile;

import cn.parkflow.engine.TaskCases;
import cn.parkflow.engine.TaskCases.TaskCase;
import cn.parkflow.security.CurrentUser;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the Tasklist tab 材料 shows beside a task: the case's documents for whoever may read the
 * case, and the kinds the task's worker may upload from this step (with the ones still missing).
 * The upload itself is the kernel's {@code POST /api/cases/{number}/documents}.
 */
@RestController
class TaskDocumentController {

    private final TaskCases tasks;
    private final CaseDocuments documents;
    private final StepDocumentKinds kinds;
    private final CaseAccess access;

    TaskDocumentController(TaskCases tasks, CaseDocuments documents, StepDocumentKinds kinds, CaseAccess access) {
        this.tasks = tasks;
        this.documents = documents;
        this.kinds = kinds;
        this.access = access;
    }

    /** A kind the step offers, and whether the case has one yet. */
    record Offered(String code, String label, boolean present) {
    }

    record TaskDocuments(String caseNumber, String step, List<CaseDocument> documents, List<Offered> uploadable) {
    }

    @GetMapping("/api/documents")
    TaskDocuments forTask(@RequestParam String task, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        TaskCase found = tasks.of(task).orElseThrow(() -> new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "任务不存在或不属于任何案件：" + task), null));
        CaseRecord record = access.requireReadable(found.caseNumber(), user);
        List<CaseDocument> listed = documents.list(record.number(), user);
        // a kind the step needs uploaded in this round (补正材料) counts only from when the task opened
        java.util.Set<String> thisRound = kinds.uploadedInStep(record.type(), found.processKey(), found.stepId());
        List<Offered> uploadable = mayUploadHere(user, found, record)
                ? kinds.uploadable(record.type(), found.processKey(), found.stepId()).entrySet().stream()
                        .map(kind -> new Offered(kind.getKey(), kind.getValue(), listed.stream().anyMatch(document ->
                                document.kind().equals(kind.getKey()) && (!thisRound.contains(kind.getKey())
                                        || found.openedAt() == null || !document.uploadedAt().isBefore(found.openedAt())))))
                        .toList()
                : List.of();
        return new TaskDocuments(record.number(), found.stepName(), listed, uploadable);
    }

    /** The task's worker: its assignee, or an officer of the case's department while it is unassigned. */
    private static boolean mayUploadHere(CurrentUser user, TaskCase task, CaseRecord record) {
        if (record.isClosed()) {
            return false;
        }
        if (task.assignee() != null) {
            return task.assignee().equals(user.id())
                    && (user.id().equals(record.applicantUser()) || CaseAccess.mayWork(user, record));
        }
        return CaseAccess.mayWork(user, record);
    }
}
