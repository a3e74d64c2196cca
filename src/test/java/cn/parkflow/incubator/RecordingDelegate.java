package cn.parkflow.incubator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** Stand-in for the notification kernel's {@code sendMail}: records each call's inputs. */
public class RecordingDelegate implements JavaDelegate {

    public final List<Map<String, Object>> calls = new ArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        Map<String, Object> call = new java.util.HashMap<>(execution.getVariablesLocal());
        // what the mail templates read from the case's variables when no input sets them
        for (String name : List.of("step", "deadline", "outcome", "reason")) {
            call.putIfAbsent(name, execution.getVariable(name));
        }
        call.put("activityId", execution.getCurrentActivityId());
        call.put("businessKey", execution.getProcessBusinessKey());
        calls.add(call);
    }

    List<Map<String, Object>> withTemplate(String template) {
        return calls.stream().filter(call -> template.equals(call.get("mailTemplate"))).toList();
    }
}
