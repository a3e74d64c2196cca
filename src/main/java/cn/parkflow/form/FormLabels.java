package cn.parkflow.form;

import jakarta.validation.ConstraintViolation;

/**
 * The label a form gives a field, for a process's own start check that validates the start form's
 * answers as a record: its refusal names the field as the person saw it ({@code 统一社会信用代码：…}),
 * not by its variable name ({@code creditCode}).
 */
public final class FormLabels {

    private static final FormRules FORMS = new FormRules();

    private FormLabels() {
    }

    /** The field's label in {@code formId}, or the key itself when the form has no such field. */
    public static String label(String formId, String key) {
        return FORMS.fields(formId).stream().filter(field -> field.key().equals(key)).map(FormRules.Field::label)
                .findFirst().orElse(key);
    }

    /** "label：message" of a Bean Validation violation of a start form's answers. */
    public static String describe(String formId, ConstraintViolation<?> violation) {
        return label(formId, violation.getPropertyPath().toString()) + "：" + violation.getMessage();
    }
}
