package cn.parkflow.form;

import cn.parkflow.engine.EngineParseListeners;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Checks every submission on the server, in every process, attached once at parse time as
 * built-in listeners (so "skip custom listeners" cannot skip them): at every user-task completion
 * the rules of the task's form ({@code camunda:formRef}) and of its process's
 * {@link SubmissionRules}, and the documents the step requires ({@link RequiredDocumentChecks});
 * at every start of a process (not a called one) those of its start
 * form and its process. A broken rule refuses the submission with {@link SubmissionRefused}.
 */
@Component
public class FormChecks extends AbstractProcessEnginePlugin {

    private final FormRules forms;
    private final ObjectProvider<SubmissionRules> declared;
    private final ObjectProvider<RequiredDocumentChecks> documents;
    private volatile List<SubmissionRules> rules;

    public FormChecks(FormRules forms, ObjectProvider<SubmissionRules> declared,
                      ObjectProvider<RequiredDocumentChecks> documents) {
        this.forms = forms;
        this.declared = declared;
        this.documents = documents;
    }

    /** For process tests that build an engine without Spring (and without case documents). */
    public static FormChecks of(SubmissionRules... rules) {
        FormChecks checks = new FormChecks(new FormRules(), null, null);
        checks.rules = List.of(rules);
        return checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.of(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                String processKey = ((ProcessDefinitionEntity) scope.getProcessDefinition()).getKey();
                String formRef = element.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
                        .addBuiltInTaskListener(TaskListener.EVENTNAME_COMPLETE, task -> check(processKey,
                                task.getTaskDefinitionKey(), task.getName(), formRef, task.getVariables(),
                                task.getExecution().getProcessBusinessKey()));
            }

            @Override
            public void parseProcess(Element element, ProcessDefinitionEntity process) {
                String startEvent = process.getInitial() == null ? null : process.getInitial().getId();
                String formRef = element.elements("startEvent").stream()
                        .filter(start -> start.attribute("id").equals(startEvent)).findFirst()
                        .map(start -> start.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef"))
                        .orElse(null);
                String name = process.getName() == null ? process.getKey() : process.getName();
                // first: a submission is checked before the model's own start listeners open a case for it
                process.addBuiltInListener(ExecutionListener.EVENTNAME_START, (ExecutionListener) execution -> {
                    if (isRoot(execution)) {
                        check(process.getKey(), startEvent, name, formRef, execution.getVariables(), null);
                    }
                }, 0);
            }
        });
    }

    private static boolean isRoot(DelegateExecution execution) {
        return execution.getSuperExecution() == null;
    }

    /** {@code caseNumber}: the business key of a task's instance; null at a start, before a case exists. */
    private void check(String processKey, String stepId, String stepName, String formRef, Map<String, Object> values,
                       String caseNumber) {
        List<String> problems = new ArrayList<>();
        if (formRef != null && !formRef.isBlank()) {
            problems.addAll(forms.violations(formRef, values));
        }
        for (SubmissionRules process : rules()) {
            if (process.processKeys().contains(processKey)) {
                problems.addAll(process.check(stepId, values));
            }
        }
        RequiredDocumentChecks required = documents == null ? null : documents.getIfAvailable();
        if (required != null) {
            problems.addAll(required.violations(processKey, stepId, caseNumber, values));
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefused(stepName, problems);
        }
    }

    private List<SubmissionRules> rules() {
        List<SubmissionRules> current = rules;
        if (current == null) {
            current = declared.orderedStream().toList();
            rules = current;
        }
        return current;
    }
}
