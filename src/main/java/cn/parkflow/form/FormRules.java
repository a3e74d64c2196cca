package cn.parkflow.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The validation rules written in our Camunda Forms (required, min/max, minLength/maxLength,
 * pattern, select options), checked again on the server. Reading them from the form itself keeps
 * Tasklist and server in step. Read-only fields are context, not input; fields that the form hides
 * under a condition are checked for format only, their "required when" is a process's
 * {@link SubmissionRules}. Forms are read once, from {@code forms/**} on the classpath.
 */
@Component
public class FormRules {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Map<String, List<Field>> forms = new ConcurrentHashMap<>();

    /**
     * One message per broken rule, naming the field by its label. A number field with
     * {@code "decimalDigits": 0} (Camunda Forms' own attribute) takes whole numbers only.
     */
    public List<String> violations(String formId, Map<String, Object> values) {
        List<String> errors = new ArrayList<>();
        for (Field field : fields(formId)) {
            field.check(values.get(field.key), errors);
        }
        return errors;
    }

    /** "label：option label" of every choice the form offers: the outcome of a step, for the audit trail. */
    public String choices(String formId, Map<String, Object> values) {
        List<String> parts = new ArrayList<>();
        for (Field field : fields(formId)) {
            Object value = values.get(field.key);
            if (!field.options.isEmpty() && !field.readonly && value != null) {
                parts.add(field.label + "：" + field.options.getOrDefault(String.valueOf(value), String.valueOf(value)));
            }
        }
        return String.join("；", parts);
    }

    public List<Field> fields(String formId) {
        return forms.computeIfAbsent(formId, FormRules::load);
    }

    private static List<Field> load(String formId) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:forms/**/" + formId + ".form");
            if (found.length != 1) {
                throw new IllegalStateException("Expected one form " + formId + ".form on the classpath, found " + found.length);
            }
            try (InputStream in = found[0].getInputStream()) {
                List<Field> fields = new ArrayList<>();
                collect(JSON.readTree(in).path("components"), fields);
                return List.copyOf(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void collect(JsonNode components, List<Field> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            if (component.hasNonNull("key")) {
                fields.add(Field.of(component));
            }
        }
    }

    public record Field(String key, String label, String type, boolean readonly, boolean conditional, boolean required,
                 Double min, Double max, Integer minLength, Integer maxLength, Pattern pattern,
                 Map<String, String> options, boolean whole) {

        static Field of(JsonNode c) {
            JsonNode v = c.path("validate");
            Map<String, String> options = new LinkedHashMap<>();
            c.path("values").forEach(o -> options.put(o.path("value").asText(), o.path("label").asText()));
            return new Field(c.path("key").asText(), c.path("label").asText(c.path("key").asText()), c.path("type").asText(),
                    c.path("readonly").asBoolean(false) || c.path("disabled").asBoolean(false),
                    c.has("conditional"), v.path("required").asBoolean(false),
                    v.has("min") ? v.path("min").asDouble() : null, v.has("max") ? v.path("max").asDouble() : null,
                    v.has("minLength") ? v.path("minLength").asInt() : null,
                    v.has("maxLength") ? v.path("maxLength").asInt() : null,
                    v.hasNonNull("pattern") ? Pattern.compile(v.path("pattern").asText()) : null, options,
                    c.path("decimalDigits").isInt() && c.path("decimalDigits").asInt() == 0);
        }

        void check(Object value, List<String> errors) {
            if (readonly) {
                return;
            }
            boolean blank = value == null || (value instanceof String s && TextRules.isBlank(s));
            if (blank || (type.equals("checkbox") && Boolean.FALSE.equals(value))) {
                if (required && !conditional) {
                    errors.add(label + "：" + (type.equals("checkbox") ? "必须勾选" : "必填"));
                }
                return;
            }
            switch (type) {
                case "number" -> checkNumber(value, errors);
                case "checkbox" -> {
                    if (!(value instanceof Boolean)) {
                        errors.add(label + "：应为是或否");
                    }
                }
                default -> checkText(String.valueOf(value), errors);
            }
        }

        private void checkNumber(Object value, List<String> errors) {
            Double number = value instanceof Number n ? Double.valueOf(n.doubleValue()) : parse(String.valueOf(value));
            if (number == null) {
                errors.add(label + "：应为数字");
            } else if (whole && number != Math.rint(number)) {
                errors.add(label + "：应为整数");
            } else if (min != null && number < min) {
                errors.add(label + "：不能小于" + plain(min));
            } else if (max != null && number > max) {
                errors.add(label + "：不能大于" + plain(max));
            }
        }

        private void checkText(String text, List<String> errors) {
            String refused = TextRules.problem(text);
            if (refused != null) {
                errors.add(label + "：" + refused);
            } else if (!options.isEmpty() && !options.containsKey(text)) {
                errors.add(label + "：不是可选的值（" + text + "）");
            } else if (minLength != null && text.length() < minLength) {
                errors.add(label + "：至少" + minLength + "个字");
            } else if (maxLength != null && text.length() > maxLength) {
                errors.add(label + "：不能超过" + maxLength + "个字");
            } else if (pattern != null && !pattern.matcher(text).matches()) {
                errors.add(label + "：格式不正确");
            }
        }

        private static Double parse(String text) {
            try {
                return Double.valueOf(text);
            } catch (NumberFormatException e) {
                return null;
            }
        }

        private static String plain(double d) {
            return d == Math.rint(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
    }
}
