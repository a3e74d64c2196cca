package cn.parkflow.ipcase;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.engine.EveryUserTaskListener;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * An IP case is handled by the department holding its current step: when a step of the case or of
 * one of its channels is routed to a single department, the case's responsible department becomes
 * that one (the workstation at intake and closure, the mediation committee, amr or culture, police,
 * the court …), so it may file documents on the case and sees what is confidential to the working
 * department. Supervision's approvals do not take the case over.
 */
@Component
class IpResponsibleDepartment implements EveryUserTaskListener {

    private final CaseFile caseFile;

    IpResponsibleDepartment(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String processKey = EveryUserTaskListener.processKey(task);
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (processKey == null || number == null || !IpProtectionCaseProcess.ALL_KEYS.contains(processKey)) {
            return;
        }
        List<String> groups = task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .map(IdentityLink::getGroupId).filter(group -> group != null && !group.equals("supervision")).toList();
        if (groups.size() == 1 && !groups.get(0).equals(caseFile.get(number).department())) {
            caseFile.assignDepartment(number, groups.get(0), CaseFile.SYSTEM);
        }
    }
}
