package cn.parkflow.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stand-in for the notification kernel's {@code sendMail} in engine tests: records each mail's template, recipients and model; {@code MailTemplatesTest} renders the real templates. */
public class MailRecorder implements JavaDelegate {

    public final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> call = new java.util.HashMap<>(execution.getVariables()); // the inputs and the case's variables
        call.put("activityId", execution.getCurrentActivityId());
        call.put("businessKey", execution.getProcessBusinessKey());
        calls.add(call);
    }

    public List<Map<String, Object>> withTemplate(String template) {
        return calls.stream().filter(call -> template.equals(call.get("mailTemplate"))).toList();
    }
}
