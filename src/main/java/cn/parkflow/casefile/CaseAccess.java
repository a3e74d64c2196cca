package cn.parkflow.casefile;

import cn.parkflow.security.CurrentUser;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Who may read a case: admins and supervisors every case, officers the cases their departments
 * hold or held a step of (read access follows the case from department to department), applicants
 * their own, and whoever received a copy (抄送). Anything else is refused with 403, never answered with an empty result.
 */
@Component
public class CaseAccess {

    private final CaseFile caseFile;
    private final TaskService taskService;

    CaseAccess(CaseFile caseFile, TaskService taskService) {
        this.caseFile = caseFile;
        this.taskService = taskService;
    }

    /**
     * Whether the user works the case now: supervision and admins, officers of its responsible
     * department or of a department holding one of its open steps. What is confidential to the
     * working departments (e.g. trade-secret evidence) is shown to them only.
     */
    public boolean worksOn(CurrentUser user, CaseRecord record) {
        if (user.readsEverything()) {
            return true;
        }
        if (user.isApplicant()) {
            return false;
        }
        if (user.belongsTo(record.department())) {
            return true;
        }
        return taskService.createTaskQuery().processInstanceBusinessKey(record.number()).list().stream()
                .flatMap(task -> taskService.getIdentityLinksForTask(task.getId()).stream())
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .anyMatch(link -> user.belongsTo(link.getGroupId()));
    }

    /** The case, if the user may read it; 404 when it does not exist, 403 when it is not theirs. */
    public CaseRecord requireReadable(String number, CurrentUser user) {
        CaseRecord record = caseFile.get(number);
        if (!mayRead(user, record)) {
            throw forbidden("无权查看案件 " + number);
        }
        return record;
    }

    /**
     * The case, if the user may add documents to it: its applicant or an officer of its department
     * (supervisors read, they do not file); 404 when it does not exist, 403 otherwise.
     */
    public CaseRecord requireUploader(String number, CurrentUser user) {
        CaseRecord record = requireReadable(number, user);
        boolean applicant = user.id().equals(record.applicantUser());
        boolean officer = !user.isApplicant() && user.belongsTo(record.department());
        if (!applicant && !officer) {
            throw forbidden("只有本案申请人或承办部门工作人员可以上传材料");
        }
        return record;
    }

    /**
     * The case, if the user works it: an officer of its department (or an admin); 404 when it does
     * not exist, 403 otherwise. Applicants and supervisors do not act for the department.
     */
    public CaseRecord requireOfficer(String number, CurrentUser user) {
        CaseRecord record = requireReadable(number, user);
        if (!mayWork(user, record)) {
            throw forbidden("只有案件承办部门的工作人员可以办理此事项");
        }
        return record;
    }

    /** The officer rule itself: an officer of the case's department, or an admin. */
    public static boolean mayWork(CurrentUser user, CaseRecord record) {
        return user.isAdmin() || (!user.isApplicant() && user.belongsTo(record.department()));
    }

    /** The read rule itself, for a process that has already loaded the case. */
    public boolean mayRead(CurrentUser user, CaseRecord record) {
        return user.readsEverything()
                || user.id().equals(record.applicantUser())
                || (!user.isApplicant() && (user.belongsTo(record.department())
                        || caseFile.involvedDepartments(record.number()).stream().anyMatch(user::belongsTo)))
                || caseFile.copiedTo(record.number()).stream()
                        .anyMatch(recipient -> recipient.equals(user.id()) || user.belongsTo(recipient));
    }

    static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }
}
