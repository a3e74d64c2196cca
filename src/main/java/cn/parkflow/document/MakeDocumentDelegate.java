package cn.parkflow.document;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${makeDocument}"} on a service task of its own: makes the
 * document of template {@code documentTemplate} (input parameter) for the case of the business key.
 * Make the task {@code asyncBefore} with a retry cycle; a retried job does not make a second one.
 * To make a document in a step that already does something else, declare the extension property
 * {@code document} on it instead ({@link DeclaredDocuments}).
 */
@Component("makeDocument")
class MakeDocumentDelegate implements JavaDelegate {

    static final String TEMPLATE = "documentTemplate";

    private final OfficialDocuments documents;

    MakeDocumentDelegate(OfficialDocuments documents) {
        this.documents = documents;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object template = execution.getVariable(TEMPLATE);
        documents.make(StepOrders.of(execution, template == null ? null : template.toString()));
    }
}
