package cn.parkflow.form;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A submission that breaks a rule: nothing it sent is kept (the command rolls back), the task
 * stays open or the process does not start. The message is one Chinese sentence naming each field,
 * e.g. {@code 形式审查未能提交：补正要求：必填。}; {@link #in(String)} finds it again in whatever
 * the engine or its REST API wrapped around it.
 */
public class SubmissionRefused extends ProcessEngineException {

    private static final Pattern SENTENCE = Pattern.compile("[^'\\\"：:]*未能\\p{IsHan}{1,4}：[^'\\\"]*。");

    public SubmissionRefused(String step, List<String> problems) {
        this(step, "提交", problems);
    }

    /** The same for another action on a step, e.g. 领取 (a claim): {@code 专家评分未能领取：…。} */
    public SubmissionRefused(String step, String action, List<String> problems) {
        super(step + "未能" + action + "：" + String.join("；", problems) + "。");
    }

    /** The refusal sentence inside a longer message, or null. */
    static String in(String message) {
        if (message == null) {
            return null;
        }
        Matcher matcher = SENTENCE.matcher(message);
        return matcher.find() ? matcher.group().strip() : null;
    }
}
