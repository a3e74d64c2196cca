package cn.parkflow.casefile;

import cn.parkflow.security.CurrentUser;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
    private final CaseAccess access;
    private final CaseDocuments documents;
    private final List<NextMilestones> milestones;

    CaseController(CaseFile caseFile, CaseAccess access, CaseDocuments documents, List<NextMilestones> milestones) {
        this.caseFile = caseFile;
        this.access = access;
        this.documents = documents;
        this.milestones = milestones;
    }

    @GetMapping("/{number}")
    CaseView get(@PathVariable String number, @RequestAttribute(CurrentUser.ATTRIBUTE) CurrentUser user) {
        CaseRecord record = access.requireReadable(number, user);
        return new CaseView(record, documents.list(number, user), caseFile.events(number), nextMilestone(record));
    }

    /** Asked of the process that declares the case's type, once the caller may read the case. */
    private NextMilestones.NextMilestone nextMilestone(CaseRecord record) {
        return milestones.stream().filter(source -> source.caseTypes().contains(record.type()))
                .map(source -> source.of(record)).flatMap(Optional::stream).findFirst().orElse(null);
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
                throw CaseAccess.forbidden("无权查看部门 " + department + " 的案件");
            }
            return new CaseQuery(type, status, Set.of(department), null, page, size);
        }
        if (user.isApplicant()) {
            return new CaseQuery(type, status, null, user.id(), page, size);
        }
        return new CaseQuery(type, status, user.groups(), null, page, size);
    }

    /**
     * A case with its documents (without content: GET …/documents/{id}), its audit trail and, where its
     * process plans one, its next milestone (else null).
     */
    record CaseView(CaseRecord record, List<CaseDocument> documents, List<CaseEvent> events,
                    NextMilestones.NextMilestone nextMilestone) {
    }
}
