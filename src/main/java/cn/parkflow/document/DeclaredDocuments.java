package cn.parkflow.document;

import cn.parkflow.engine.EngineParseListeners;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A step that already does something (a service, send or user task) declares the document it
 * issues with an extension property, no element and no code:
 * {@code <camunda:property name="document" value="incubator-certificate"/>}. The document is made
 * when the step ends, after its own work, in the same transaction. The value may be an expression
 * that chooses the template, e.g. {@code ${rejectionCode == 'Err_NotAccepted' ? 'a' : 'b'}}, or none
 * ({@code ''}: a pass of the step that issues nothing). The
 * listener is built in, so "skip custom listeners" does not skip the document.
 */
@Component
public class DeclaredDocuments extends AbstractProcessEnginePlugin {

    /** The extension property's name. */
    public static final String PROPERTY = "document";

    private final ObjectProvider<OfficialDocuments> documents;

    DeclaredDocuments(ObjectProvider<OfficialDocuments> documents) {
        this.documents = documents;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineParseListeners.of(configuration).add(new AbstractBpmnParseListener() {
            @Override
            public void parseServiceTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                declare(element, activity);
            }

            @Override
            public void parseSendTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                declare(element, activity);
            }

            @Override
            public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
                declare(element, activity);
            }
        });
    }

    private void declare(Element element, ActivityImpl activity) {
        String template = property(element);
        if (template != null) {
            ExecutionListener listener = execution -> make(execution, template);
            activity.addBuiltInListener(ExecutionListener.EVENTNAME_END, listener);
        }
    }

    /** An expression that gives no template (null or blank) issues nothing on this pass, e.g. a decision with no summary. */
    private void make(DelegateExecution execution, String declared) {
        Object template = declared.contains("${") || declared.contains("#{")
                ? Context.getProcessEngineConfiguration().getExpressionManager()
                        .createExpression(declared).getValue(execution)
                : declared;
        if (template != null && !template.toString().isBlank()) {
            documents().make(StepOrders.of(execution, template.toString()));
        }
    }

    /** The service that makes them (a process test's engine gives its own). */
    OfficialDocuments documents() {
        return documents.getObject();
    }

    private static String property(Element element) {
        Element extensions = element.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        if (properties == null) {
            return null;
        }
        return properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .filter(property -> PROPERTY.equals(property.attribute("name")))
                .map(property -> property.attribute("value")).findFirst().orElse(null);
    }
}
