package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.security.CurrentUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/**
 * A case's statutory clock with its pauses and extensions, for whoever may read the case:
 * admins and supervisors, the case's department, its applicant.
 */
@RestController
class ClockController {

    private final StatutoryClock clocks;
    private final CaseAccess access;

    ClockController(StatutoryClock clocks, CaseAccess access) {
        this.clocks = clocks;
        this.access = access;
    }

    @GetMapping("/api/calendar/clocks/{caseNumber}")
    ClockView clock(@PathVariable String caseNumber, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        access.requireReadable(caseNumber, user);
        return clocks.find(caseNumber).orElseThrow(() -> notFound("案件 " + caseNumber + " 尚未开始计算法定时限"));
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
