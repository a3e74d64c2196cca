package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.form.FormRules;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
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
        String outcome = forms.choices(formId(task), task.getVariables());
        caseFile.record(task.getExecution().getProcessBusinessKey(), actor(task), "TASK_COMPLETED", task.getName(),
                outcome.isEmpty() ? "已办理" : abbreviate(outcome));
    }

    private static String formId(DelegateTask task) {
        String formRef = ((UserTask) task.getBpmnModelElementInstance()).getCamundaFormRef();
        if (formRef == null) {
            throw new IllegalStateException("User task " + task.getTaskDefinitionKey() + " has no camunda:formRef");
        }
        return formRef;
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
