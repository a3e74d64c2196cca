package cn.parkflow.form;

import java.util.List;
import java.util.Map;

/**
 * The commonest conditional rule of a process's {@link SubmissionRules}: an answer is required
 * when another field has a given value ("a reason is required when rejecting"), in the kernel's
 * wording {@code 标签：必填}.
 */
public final class RequiredAnswers {

    private RequiredAnswers() {
    }

    /** {@code field} must be answered when {@code choice} is {@code value}. */
    public static void requireWhen(Map<String, Object> values, String choice, String value, String field, String label,
                                   List<String> errors) {
        if (value.equals(values.get(choice))) {
            require(values, field, label, errors);
        }
    }

    /** {@code field} must be answered. */
    public static void require(Map<String, Object> values, String field, String label, List<String> errors) {
        if (isBlank(values.get(field))) {
            errors.add(label + "：必填");
        }
    }

    /** No answer: missing, or text of white space only. */
    public static boolean isBlank(Object value) {
        return value == null || (value instanceof String text && text.isBlank());
    }
}
