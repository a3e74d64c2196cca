package cn.parkflow.notification;

import java.util.Map;
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
 */
@Component("sendMail")
class SendMailDelegate implements JavaDelegate {

    static final String TEMPLATE = "mailTemplate";
    static final String TO = "mailTo";

    private final Notifications notifications;

    SendMailDelegate(Notifications notifications) {
        this.notifications = notifications;
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
        notifications.enqueue(template, to, model,
                execution.getProcessInstanceId() + ":" + execution.getActivityInstanceId() + ":" + template);
    }
}
