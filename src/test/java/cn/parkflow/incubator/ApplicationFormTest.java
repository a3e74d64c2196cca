package cn.parkflow.incubator;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.form.FormRules;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The start form and the application record the REST API takes are one and the same list of fields. */
class ApplicationFormTest {

    private final FormRules rules = new FormRules();

    @Test
    void shouldAskInTheStartFormForEveryFieldOfTheApplicationRecord() {
        Set<String> formKeys = rules.fields("incubator-application").stream().map(FormRules.Field::key)
                .collect(Collectors.toSet());
        Set<String> recordFields = Arrays.stream(IncubatorApplication.class.getRecordComponents())
                .map(RecordComponent::getName).collect(Collectors.toSet());
        assertThat(formKeys).isEqualTo(recordFields);
        assertThat(rules.fields("incubator-application")).allSatisfy(field -> assertThat(field.required())
                .as(field.key() + " is required in the form as in the record").isTrue());
    }
}
