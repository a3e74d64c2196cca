package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's statutory clock with its pauses and extensions, for whoever may read the case:
 * admins and supervisors, the case's department, its applicant.
 */
@RestController
class ClockController {

    private final StatutoryClock clocks;
    private final DeclaredClocks declaredClocks;
    private final CaseAccess access;

    private final TaskCaseNumbers taskCases;

    ClockController(StatutoryClock clocks, DeclaredClocks declaredClocks, CaseAccess access, TaskCaseNumbers taskCases) {
        this.clocks = clocks;
        this.declaredClocks = declaredClocks;
        this.access = access;
        this.taskCases = taskCases;
    }

    /**
     * What the Tasklist tab 法定时限 shows beside a task: its case, the case's clock (null when the
     * process runs none) and whether the caller may ask for more time.
     */
    record TaskClock(String caseNumber, ClockView clock, boolean mayRequestExtension) {
    }

    /** The request an officer of the case's department makes; the clock's declared group approves it. */
    record ExtensionRequest(@NotBlank(message = "必填") @Size(max = 200, message = "不能超过200个字") String reason) {
    }

    /**
     * An officer of the case's department asks for more time: the approval task goes to the group
     * the process declared (202). 409 when the case has no running clock.
     */
    @PostMapping("/api/calendar/clocks/{caseNumber}/extension-requests")
    ResponseEntity<Map<String, String>> requestExtension(@PathVariable String caseNumber,
            @Valid @RequestBody ExtensionRequest request, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        access.requireOfficer(caseNumber, user);
        try {
            declaredClocks.requestExtension(caseNumber, user.id(), request.reason());
        } catch (IllegalStateException noRunningClock) {
            throw new ErrorResponseException(HttpStatus.CONFLICT,
                    ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, noRunningClock.getMessage()), null);
        }
        return ResponseEntity.accepted().body(Map.of("status", "已提交延长申请，等待审批"));
    }

    @GetMapping("/api/calendar/clocks/{caseNumber}")
    ClockView clock(@PathVariable String caseNumber, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        access.requireReadable(caseNumber, user);
        return clocks.find(caseNumber).orElseThrow(() -> notFound("案件 " + caseNumber + " 尚未开始计算法定时限"));
    }

    @GetMapping(value = "/api/calendar/clocks", params = "task")
    TaskClock clockOfTask(@RequestParam String task, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        String caseNumber = taskCases.of(task).orElseThrow(() -> notFound("没有这项任务，或任务不属于任何案件"));
        CaseRecord record = access.requireReadable(caseNumber, user);
        ClockView clock = clocks.find(caseNumber).orElse(null);
        boolean running = clock != null && clock.stoppedAt() == null;
        return new TaskClock(caseNumber, clock, running && CaseAccess.mayWork(user, record));
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
