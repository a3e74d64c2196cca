package cn.parkflow.approval;

import cn.parkflow.casefile.CaseAccess;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.department.Roles;
import cn.parkflow.security.CurrentUser;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 抄送: an officer working the case, or a supervisor, sends a read-only copy to another department or
 * person, who may read the case from then on and finds it in their 抄送我的 list; applicants neither
 * send nor receive copies.
 */
@Service
class CopyAction {

    private final CaseFile caseFile;
    private final CaseAccess access;
    private final Colleagues colleagues;
    private final ActionRecords records;

    CopyAction(CaseFile caseFile, CaseAccess access, Colleagues colleagues, ActionRecords records) {
        this.caseFile = caseFile;
        this.access = access;
        this.colleagues = colleagues;
        this.records = records;
    }

    @Transactional
    void copy(CurrentUser user, String caseNumber, String recipient, String note) {
        CaseRecord record = caseFile.get(caseNumber);
        if (!Actors.mayCopy(user, record, access)) {
            throw ActionRefused.forbidden("只有承办本案的工作人员或督查人员可以抄送。");
        }
        boolean department = colleagues.departmentsAmong(Set.of(recipient == null ? "" : recipient)).contains(recipient);
        if (!department && (!colleagues.exists(recipient) || colleagues.groupsOf(recipient).contains(Roles.APPLICANTS))) {
            throw ActionRefused.notApplicable("只能抄送给园区的部门或工作人员，" + recipient + " 不是。");
        }
        String text = note == null || note.isBlank() ? null : Actors.requireText(note, "抄送说明");
        caseFile.copyTo(caseNumber, recipient, user.id(), text);
        records.record(new TaskAction(caseNumber, null, null, null, TaskAction.Kind.COPIED, user.id(),
                null, recipient, text, null), null, recipient, null);
    }

    /** 抄送我的. */
    List<CaseRecord> copiedTo(CurrentUser user) {
        Set<String> recipients = new HashSet<>(user.groups());
        recipients.add(user.id());
        return caseFile.copiesFor(recipients);
    }
}
