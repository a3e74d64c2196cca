package cn.parkflow.approval;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.engine.EveryUserTaskListener;
import cn.parkflow.form.FormRules;
import cn.parkflow.form.StepAudit;
import cn.parkflow.form.SubmissionRefused;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/**
 * 审批意见: at every completion of a step that declares its opinion ({@value StepProperties#OPINION}),
 * the opinion is required on a negative outcome ({@value StepProperties#OPINION_REQUIRED_WHEN}) and,
 * when given, kept with the step (an engine comment on the task, which later steps read) and on the
 * case's timeline (audit event {@value #ACTION}).
 */
@Component("approvalOpinions")
class OpinionRecorder implements EveryUserTaskListener {

    static final String ACTION = "APPROVAL_OPINION";
    static final String LABEL = "审批意见";

    private final CaseFile caseFile;
    private final FormRules forms;

    OpinionRecorder(CaseFile caseFile, FormRules forms) {
        this.caseFile = caseFile;
        this.forms = forms;
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_COMPLETE);
    }

    @Override
    public void notify(DelegateTask task) {
        UserTask step = task.getBpmnModelElementInstance();
        StepProperties declared = StepProperties.of(step);
        String variable = declared.opinionVariable();
        if (variable == null) {
            return;
        }
        Object value = task.getVariable(variable);
        String opinion = value == null ? "" : String.valueOf(value).strip();
        if (opinion.isEmpty()) {
            if (declared.requiresOpinion(task.getVariables())) {
                throw new SubmissionRefused(task.getName(), List.of(label(step, variable) + "：作出否定结论时必须填写"
                        + LABEL));
            }
            return;
        }
        String text = label(step, variable) + "：" + opinion;
        task.getProcessEngineServices().getTaskService().createComment(task.getId(), task.getProcessInstanceId(), text);
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number != null && caseFile.exists(number)) {
            caseFile.record(number, StepAudit.actor(task), ACTION, task.getName(), text);
        }
    }

    /** The label of the opinion's field in the step's form (the variable must be one of its answers). */
    private String label(UserTask step, String variable) {
        String formRef = step.getCamundaFormRef();
        if (formRef == null) {
            return LABEL;
        }
        return forms.fields(formRef).stream().filter(field -> field.key().equals(variable) && !field.readonly())
                .map(FormRules.Field::label).findFirst()
                .orElseThrow(() -> new IllegalStateException("「" + step.getName() + "」声明的审批意见 " + variable
                        + " 不是表单 " + formRef + " 中可填写的字段"));
    }
}
