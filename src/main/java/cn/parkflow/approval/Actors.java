package cn.parkflow.approval;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.security.CurrentUser;

/**
 * Who may take which action (issue #20): applicants never 转办, 委派, 加签 or 退回; supervisors only
 * 催办 and 抄送; and the task actions only on a task the caller holds or may take. Admins may all.
 */
final class Actors {

    private Actors() {
    }

    /** 转办, 委派, 加签, 退回: an officer or expert working the task. */
    static void requireHandler(CurrentUser user, OpenTask task, String action) {
        if (user.isAdmin()) {
            return;
        }
        if (user.isApplicant()) {
            throw ActionRefused.forbidden("申请人不能对任务「" + action + "」。");
        }
        if (user.isSupervisor()) {
            throw ActionRefused.forbidden("督查人员只能催办和抄送，不能「" + action + "」。");
        }
        if (!task.isWorkedBy(user.id(), user.groups())) {
            throw ActionRefused.forbidden("只能对本人办理的任务「" + action + "」（「" + task.stepName() + "」不在您的待办中）。");
        }
    }

    /** 催办: a supervisor, or the applicant on their own case. */
    static boolean mayUrge(CurrentUser user, CaseRecord record) {
        return user.isAdmin() || user.isSupervisor() || user.id().equals(record.applicantUser());
    }

    /** 抄送: an officer working the case, or a supervisor; never an applicant. */
    static boolean mayCopy(CurrentUser user, CaseRecord record, CaseAccess access) {
        return !user.isApplicant() && access.worksOn(user, record);
    }

    /** A reason or opinion the action needs, named by its Chinese label. */
    static String requireText(String text, String label) {
        if (text == null || text.isBlank()) {
            throw new ActionRefused(org.springframework.http.HttpStatus.BAD_REQUEST, label + "：必填");
        }
        if (text.length() > 500) {
            throw new ActionRefused(org.springframework.http.HttpStatus.BAD_REQUEST, label + "：不能超过500个字");
        }
        return text.strip();
    }
}
