package cn.parkflow.notification;

import cn.parkflow.casefile.CaseDocument;
import cn.parkflow.casefile.IssuedDocuments;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * {@code camunda:delegateExpression="${sendMail}"} on a send or service task: mails template
 * {@code mailTemplate} to {@code mailTo} (comma-separated user ids, department codes, group ids or
 * addresses), with the case read from the business key and the execution's variables ({@code step},
 * {@code deadline}, {@code outcome}, {@code reason} …) as the model. Make the task
 * {@code asyncBefore}: the mail is written to the outbox in that job's transaction, once per
 * activity instance, so a retried job never mails twice.
 * <p>
 * A mail about an official document names it in {@code mailDocument} (its template, or several
 * separated by commas: the case's latest of them): the template then shows {@code documentTitle},
 * {@code documentNumber} and {@code documentLink}, the download. With {@code mailAttachDocument}
 * true the PDF is attached as well, and the document must exist.
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

    static final String TEMPLATE = "mailTemplate";
    static final String TO = "mailTo";
    static final String DOCUMENT = "mailDocument";
    static final String ATTACH_DOCUMENT = "mailAttachDocument";

    private final Notifications notifications;
    private final IssuedDocuments documents;
    private final MailModel links;

    SendMailDelegate(Notifications notifications, IssuedDocuments documents, MailModel links) {
        this.notifications = notifications;
        this.documents = documents;
        this.links = links;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String template = ProcessModels.text(execution.getVariable(TEMPLATE));
        String to = ProcessModels.text(execution.getVariable(TO));
        if (template == null || template.isEmpty()) {
            throw new IllegalArgumentException("sendMail 缺少输入参数 " + TEMPLATE + "（活动 "
                    + execution.getCurrentActivityId() + "）");
        }
        if (to == null || to.isEmpty()) {
            throw new IllegalArgumentException("sendMail 缺少输入参数 " + TO + "（活动 "
                    + execution.getCurrentActivityId() + "）");
        }
        Map<String, Object> model = ProcessModels.of(execution);
        model.putIfAbsent(Notifications.STEP, execution.getCurrentActivityName());
        Optional<CaseDocument> document = document(execution);
        document.ifPresent(found -> {
            model.put("documentTitle", found.kindLabel());
            model.put("documentNumber", found.documentNumber());
            model.put("documentLink", links.documentLink(execution.getProcessBusinessKey(), found.id()));
        });
        boolean attach = Boolean.parseBoolean(ProcessModels.text(execution.getVariable(ATTACH_DOCUMENT)));
        if (attach && document.isEmpty()) {
            throw new IllegalStateException("sendMail：案件 " + execution.getProcessBusinessKey() + " 尚无公文 "
                    + execution.getVariable(DOCUMENT) + "，无法作为附件发送（活动 " + execution.getCurrentActivityId() + "）");
        }
        String dedupKey = execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + template;
        if (attach) {
            notifications.enqueue(template, to, model, dedupKey, document.get().id());
        } else {
            notifications.enqueue(template, to, model, dedupKey);
        }
    }

    private Optional<CaseDocument> document(DelegateExecution execution) {
        String kinds = ProcessModels.text(execution.getVariable(DOCUMENT));
        if (kinds == null || kinds.isEmpty()) {
            return Optional.empty();
        }
        List<String> declared = Arrays.stream(kinds.split(",")).map(String::trim).filter(kind -> !kind.isEmpty()).toList();
        return documents.latest(execution.getProcessBusinessKey(), declared);
    }
}
