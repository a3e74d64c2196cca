package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The approval actions on tasks for Tasklist's plugin and other clients. Each is checked, audited
 * and mailed by its service; a refusal is a Chinese problem detail (403 not yours, 409 not now).
 */
@RestController
@RequestMapping("/api/tasks")
@Validated
class TaskActionController {

    private final CompletedTasks completed;
    private final TransferAction transfer;
    private final ReturnAction returns;
    private final WithdrawAction withdraw;
    private final StepNotes notes;
    private final DelegateAction delegation;
    private final ConsultAction consultation;
    private final AvailableActions available;

    TaskActionController(CompletedTasks completed, TransferAction transfer, ReturnAction returns,
                         WithdrawAction withdraw, StepNotes notes, DelegateAction delegation,
                         ConsultAction consultation, AvailableActions available) {
        this.completed = completed;
        this.transfer = transfer;
        this.returns = returns;
        this.withdraw = withdraw;
        this.notes = notes;
        this.delegation = delegation;
        this.consultation = consultation;
        this.available = available;
    }

    /** What the caller may do with the task: Tasklist's plugin offers only these. */
    @GetMapping("/{taskId}/actions")
    AvailableActions.Available actions(@PathVariable String taskId,
                                       @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return available.of(user, taskId);
    }

    record Handover(String to, String reason) {
    }

    record Return(String step, String reason) {
    }

    record Opinion(String opinion) {
    }

    record Consultation(List<String> people, String question) {
    }

    /** 已办. */
    @GetMapping("/completed")
    CompletedTasks.Page completed(@RequestParam(defaultValue = "0") @Min(0) int page,
                                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
                                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return completed.of(user.id(), page, size);
    }

    @PostMapping("/completed/{taskId}/withdraw")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(@PathVariable String taskId, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        withdraw.withdraw(user, taskId);
    }

    @PostMapping("/{taskId}/transfer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void transfer(@PathVariable String taskId, @RequestBody Handover body,
                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        transfer.transfer(user, taskId, body.to(), body.reason());
    }

    /** The steps the task may be returned to, step id to name (empty for applicants and supervisors). */
    @GetMapping("/{taskId}/return-targets")
    Map<String, String> returnTargets(@PathVariable String taskId,
                                      @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        if (!user.isAdmin() && (user.isApplicant() || user.isSupervisor())) {
            return Map.of();
        }
        return returns.targets(user, taskId);
    }

    @PostMapping("/{taskId}/return")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void returnTo(@PathVariable String taskId, @RequestBody Return body,
                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        returns.returnTo(user, taskId, body.step(), body.reason());
    }

    /** 审批意见 of the earlier steps and the actions taken on the case. */
    @GetMapping("/{taskId}/notes")
    List<StepNotes.Note> notes(@PathVariable String taskId, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return notes.of(user, taskId);
    }

    /** 委派 and giving it back. */
    @PostMapping("/{taskId}/delegate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delegate(@PathVariable String taskId, @RequestBody Handover body,
                  @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        delegation.delegate(user, taskId, body.to(), body.reason());
    }

    @PostMapping("/{taskId}/resolve")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void resolve(@PathVariable String taskId, @RequestBody Opinion body,
                 @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        delegation.resolve(user, taskId, body.opinion());
    }

    /** 加签 and its answer (on the subtask). */
    @PostMapping("/{taskId}/consult")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void consult(@PathVariable String taskId, @RequestBody Consultation body,
                 @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        consultation.consult(user, taskId, body.people(), body.question());
    }

    @PostMapping("/{subtaskId}/answer")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void answer(@PathVariable String subtaskId, @RequestBody Opinion body,
                @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        consultation.answer(user, subtaskId, body.opinion());
    }
}
