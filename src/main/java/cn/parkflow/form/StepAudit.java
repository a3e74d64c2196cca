package cn.parkflow.form;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.engine.EveryUserTaskListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * One audit event per completed step of every case, with no listener in the model: who completed
 * it and what they chose, in the words of the step's form (e.g. "审查结论：材料齐全，予以受理").
 */
@Component
public class StepAudit implements EveryUserTaskListener {

    static final String ACTION = "TASK_COMPLETED";

    private final CaseFile caseFile;
    private final FormRules forms;

    public StepAudit(CaseFile caseFile, FormRules forms) {
        this.caseFile = caseFile;
        this.forms = forms;
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number == null || !caseFile.exists(number)) {
            return; // a task outside any case (a fixture, a kernel timer without a case) has nothing to audit
        }
        UserTask userTask = task.getBpmnModelElementInstance();
        String formRef = userTask == null ? null : userTask.getCamundaFormRef();
        String outcome = formRef == null ? "" : forms.choices(formRef, task.getVariables());
        caseFile.record(number, actor(task), ACTION, task.getName(), outcome.isEmpty() ? "已办理" : outcome);
    }

    /** Who did it: the logged-in user, else the task's assignee, else the system. */
    public static String actor(DelegateTask task) {
        Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : CaseFile.SYSTEM;
    }
}
