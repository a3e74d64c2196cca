package cn.parkflow.supervision;

import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.security.CurrentUser;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Which departments' board a caller sees: supervisors and admins every department (or the one
 * they ask for), an officer only their own departments; applicants and experts none (403, never
 * an empty board).
 *
 * @param departments null = every department
 */
record BoardScope(Set<String> departments) {

    static BoardScope of(CurrentUser user, String requested, DepartmentDirectory directory) {
        if (user.readsEverything()) {
            return new BoardScope(requested == null || requested.isBlank() ? null : Set.of(requested));
        }
        Set<String> own = user.isApplicant() ? Set.of()
                : user.groups().stream().filter(directory::exists).collect(Collectors.toUnmodifiableSet());
        if (own.isEmpty()) {
            throw forbidden("督查看板仅供督查室和各部门工作人员查看");
        }
        if (requested == null || requested.isBlank()) {
            return new BoardScope(own);
        }
        if (!own.contains(requested)) {
            throw forbidden("无权查看部门 " + requested + " 的督查看板");
        }
        return new BoardScope(Set.of(requested));
    }

    boolean includes(String department) {
        return departments == null || departments.contains(department);
    }

    static ErrorResponseException forbidden(String detail) {
        return new ErrorResponseException(HttpStatus.FORBIDDEN,
                ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
    }
}
