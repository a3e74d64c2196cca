package cn.parkflow.casefile;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cases for supervisors, officers and applicants. Admins and supervisors read all, officers
 * their departments' cases, applicants their own; asking for more is refused with 403.
 */
@RestController
@RequestMapping("/api/cases")
class CaseController {

    private final CaseFile caseFile;

    CaseController(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @GetMapping("/{number}")
    CaseView get(@PathVariable String number, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        CaseRecord record = caseFile.get(number);
        if (!mayRead(user, record)) {
            throw forbidden("无权查看案件 " + number);
        }
        return new CaseView(record, caseFile.events(number));
    }

    @GetMapping
    List<CaseRecord> search(@RequestParam(required = false) @Pattern(regexp = "[A-Z]{2,8}") String type,
                            @RequestParam(required = false) String status,
                            @RequestParam(required = false) String department,
                            @RequestParam(defaultValue = "0") @Min(0) int page,
                            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
                            @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        return caseFile.search(scopeFor(user, type, status, department, page, size));
    }

    private static CaseQuery scopeFor(CurrentUser user, String type, String status, String department,
                                      int page, int size) {
        if (user.readsEverything()) {
            return new CaseQuery(type, status, department == null ? null : Set.of(department), null, page, size);
        }
        if (department != null) {
            if (!user.belongsTo(department)) {
                throw forbidden("无权查看部门 " + department + " 的案件");
            }
            return new CaseQuery(type, status, Set.of(department), null, page, size);
        }
        if (user.isApplicant()) {
            return new CaseQuery(type, status, null, user.id(), page, size);
        }
        return new CaseQuery(type, status, user.groups(), null, page, size);
    }

    private static boolean mayRead(CurrentUser user, CaseRecord record) {
        return user.readsEverything()
                || user.id().equals(record.applicantUser())
                || (!user.isApplicant() && user.belongsTo(record.department()));
    }

    private static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }

    /** A case with its audit trail. */
    record CaseView(CaseRecord record, List<CaseEvent> events) {
    }
}
