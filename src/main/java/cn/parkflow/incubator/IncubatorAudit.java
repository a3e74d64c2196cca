package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** Task listener on "complete": one audit event per step, naming who decided what. */
@Component("incubatorAudit")
class IncubatorAudit implements TaskListener {

    private final CaseFile caseFile;
    private final FormRules forms;

    IncubatorAudit(CaseFile caseFile, FormRules forms) {
        this.caseFile = caseFile;
        this.forms = forms;
    }

    @Override
    public void notify(DelegateTask task) {
        String outcome = forms.choices(TaskRules.formId(task), task.getVariables());
        caseFile.record(task.getExecution().getProcessBusinessKey(), actor(task), "TASK_COMPLETED", task.getName(),
                outcome.isEmpty() ? "已办理" : abbreviate(outcome));
    }

    static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : IncubatorClock.SYSTEM;
    }

    static String abbreviate(String text) {
        return text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }
}
