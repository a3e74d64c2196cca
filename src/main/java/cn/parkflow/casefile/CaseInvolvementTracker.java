package cn.parkflow.casefile;

import cn.parkflow.engine.EveryUserTaskListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Component;

/**
 * Read access follows the case: when a task of a case is created, every department among its
 * candidate groups becomes involved in the case and may read it from then on ({@link CaseAccess}),
 * in every process and called process, with no listener in any model.
 */
@Component
public class CaseInvolvementTracker implements EveryUserTaskListener {

    private final CaseFile caseFile;

    CaseInvolvementTracker(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    /** For process tests that build an engine without Spring. */
    public static CaseInvolvementTracker of(CaseFile caseFile) {
        return new CaseInvolvementTracker(caseFile);
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number == null || !caseFile.exists(number)) {
            return;
        }
        for (IdentityLink link : task.getCandidates()) {
            if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
                caseFile.involve(number, link.getGroupId());
            }
        }
    }
}
