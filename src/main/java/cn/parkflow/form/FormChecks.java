package cn.parkflow.form;

import cn.parkflow.engine.EngineParseListeners;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.function.BiConsumer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
    private final Map<String, List<SubmissionRules>> rulesByProcess = new ConcurrentHashMap<>();
    private volatile Optional<RequiredDocumentChecks> documentChecks;

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
                // first, whatever the plugins' order: a refused completion runs none of the model's listeners
                EngineParseListeners.addFirstBuiltIn(
                        ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition(),
                        TaskListener.EVENTNAME_COMPLETE, task -> {
                            Map<String, Object> values = task.getVariables();
                            check(processKey, task.getTaskDefinitionKey(), task.getName(), formRef, values,
                                    task.getExecution().getProcessBusinessKey(), formKeys(formRef),
                                    task.getCreateTime() == null ? null : task.getCreateTime().toInstant());
                            normalize(values, formKeys(formRef), task::setVariable);
                        });
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
                        Map<String, Object> values = execution.getVariables();
                        check(process.getKey(), startEvent, name, formRef, values, null, values.keySet(), null);
                        normalize(values, values.keySet(), execution::setVariable);
                    }
                }, 0);
            }
        });
    }

    private static boolean isRoot(DelegateExecution execution) {
        return execution.getSuperExecution() == null;
    }

    /**
     * {@code caseNumber}: the business key of a task's instance; null at a start, before a case exists.
     * {@code submitted}: what the caller sent (a start's variables, a task form's fields): those obey {@link TextRules}.
     * {@code stepOpened}: when the task was created (null at a start).
     */
    private void check(String processKey, String stepId, String stepName, String formRef, Map<String, Object> values,
                       String caseNumber, Collection<String> submitted, java.time.Instant stepOpened) {
        List<String> problems = new ArrayList<>();
        Map<String, String> labels = labels(formRef);
        for (String key : submitted) {
            if (values.get(key) instanceof String text && TextRules.problem(text) != null) {
                problems.add(labels.getOrDefault(key, key) + "：" + TextRules.problem(text));
            }
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefused(stepName, problems);
        }
        if (formRef != null && !formRef.isBlank()) {
            problems.addAll(forms.violations(formRef, values));
        }
        for (SubmissionRules process : rulesOf(processKey)) {
            problems.addAll(process.check(stepId, values));
        }
        documentChecks().ifPresent(required ->
                problems.addAll(required.violations(processKey, stepId, caseNumber, values, stepOpened)));
        if (!problems.isEmpty()) {
            throw new SubmissionRefused(stepName, problems);
        }
    }

    /** Texts are kept in NFC, and a text of spaces only as empty. */
    private static void normalize(Map<String, Object> values, Collection<String> submitted,
                                  BiConsumer<String, Object> write) {
        for (String key : submitted) {
            if (values.get(key) instanceof String text && !text.equals(TextRules.normalize(text))) {
                write.accept(key, TextRules.normalize(text));
            }
        }
    }

    private Collection<String> formKeys(String formRef) {
        return labels(formRef).keySet();
    }

    private Map<String, String> labels(String formRef) {
        Map<String, String> labels = new LinkedHashMap<>();
        if (formRef != null && !formRef.isBlank()) {
            forms.fields(formRef).stream().filter(field -> !field.readonly())
                    .forEach(field -> labels.putIfAbsent(field.key(), field.label()));
        }
        return labels;
    }

    /** Looked up once: resolving it from the bean factory cost every completion a search of all beans. */
    private Optional<RequiredDocumentChecks> documentChecks() {
        Optional<RequiredDocumentChecks> current = documentChecks;
        if (current == null) {
            current = Optional.ofNullable(documents == null ? null : documents.getIfAvailable());
            documentChecks = current;
        }
        return current;
    }

    /** The rules declared for a process, looked up once per process. */
    private List<SubmissionRules> rulesOf(String processKey) {
        return rulesByProcess.computeIfAbsent(processKey, key -> rules().stream()
                .filter(process -> process.processKeys().contains(key)).toList());
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
