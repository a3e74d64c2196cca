package cn.parkflow.calendar;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
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
    private final CaseFile caseFile;

    ClockController(StatutoryClock clocks, CaseFile caseFile) {
        this.clocks = clocks;
        this.caseFile = caseFile;
    }

    @GetMapping("/api/calendar/clocks/{caseNumber}")
    ClockView clock(@PathVariable String caseNumber, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        CaseRecord record = caseFile.find(caseNumber).orElseThrow(() -> notFound("案件 " + caseNumber + " 不存在"));
        boolean mayRead = user.readsEverything()
                || user.id().equals(record.applicantUser())
                || (!user.isApplicant() && user.belongsTo(record.department()));
        if (!mayRead) {
            throw new ErrorResponseException(HttpStatus.FORBIDDEN,
                    ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, "无权查看案件 " + caseNumber), null);
        }
        return clocks.find(caseNumber).orElseThrow(() -> notFound("案件 " + caseNumber + " 尚未开始计算法定时限"));
    }

    private static ErrorResponseException notFound(String detail) {
        return new ErrorResponseException(HttpStatus.NOT_FOUND,
                ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, detail), null);
    }
}
