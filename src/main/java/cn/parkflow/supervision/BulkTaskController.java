package cn.parkflow.supervision;

import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Tasklist bulk actions (plugin {@code parkflow/bulk-actions.js}): the caller's department queue,
 * and claim / assign / complete on several of its tasks, answered with one result per task.
 */
@RestController
@RequestMapping("/api/task-bulk")
class BulkTaskController {

    private final BulkTasks bulk;
    private final DepartmentDirectory departments;

    BulkTaskController(BulkTasks bulk, DepartmentDirectory departments) {
        this.bulk = bulk;
        this.departments = departments;
    }

    @GetMapping("/queue")
    List<BulkTasks.QueueTask> queue(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return bulk.queue(officer(user));
    }

    /** The colleagues of the caller's departments, to assign tasks to. */
    @GetMapping("/colleagues")
    List<BulkTasks.Colleague> colleagues(@RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return bulk.colleagues(officer(user).groups().stream().filter(departments::exists)
                .collect(Collectors.toSet()));
    }

    @PostMapping("/{action}")
    List<BulkTasks.Result> apply(@PathVariable String action, @Valid @RequestBody Request request,
                                 @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        BulkTasks.Action wanted = switch (action) {
            case "claim" -> BulkTasks.Action.CLAIM;
            case "assign" -> BulkTasks.Action.ASSIGN;
            case "complete" -> BulkTasks.Action.COMPLETE;
            default -> throw problem(HttpStatus.NOT_FOUND, "批量操作只有 claim（签收）、assign（转办）和 complete（办理）");
        };
        if (wanted == BulkTasks.Action.ASSIGN && (request.assignee() == null || request.assignee().isBlank())) {
            throw problem(HttpStatus.BAD_REQUEST, "转办对象（assignee）不能为空");
        }
        CurrentUser officer = officer(user);
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        return request.taskIds().stream().distinct()
                .map(id -> bulk.apply(wanted, id, officer, request.assignee(), variables)).toList();
    }

    private static CurrentUser officer(CurrentUser user) {
        if (user.isApplicant()) {
            throw problem(HttpStatus.FORBIDDEN, "批量操作仅供部门工作人员使用");
        }
        return user;
    }

    /** @param taskIds at most 100 tasks at once */
    record Request(@NotEmpty @Size(max = 100) List<String> taskIds, String assignee, Map<String, Object> variables) {
    }

    private static ErrorResponseException problem(HttpStatus status, String detail) {
        return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
    }
}
