package cn.parkflow.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every reference in a model resolves before the model is deployed: a misspelt bean, form,
 * decision, called process or mail template otherwise fails only when a case reaches that step.
 */
class ModelWiringTest {

    private static final Path PROJECT = Path.of("");
    /** Process id prefix to the package that holds the process's code. */
    private static final Map<String, String> PROCESS_PACKAGES = Map.of("incubator", "cn.parkflow.incubator",
            "statutory", "cn.parkflow.calendar", "achievement", "cn.parkflow.conversion", "ip", "cn.parkflow.ipcase",
            "annual", "cn.parkflow.keytask", "key", "cn.parkflow.keytask");

    @Test
    void shouldResolveEveryReferenceInEveryModel() throws Exception {
        // given
        ModelWiring wiring = ModelWiring.of(PROJECT, PROCESS_PACKAGES);
        List<Path> models = ModelWiring.models(PROJECT);

        // when
        List<String> problems = new ArrayList<>(wiring.checkForms());
        for (Path model : models) {
            problems.addAll(wiring.check(model));
        }

        // then
        assertThat(models).as("models in bpmn/").isNotEmpty();
        assertThat(problems).as("unresolved references").isEmpty();
    }

    @Test
    void shouldReportEveryKindOfBrokenReference() throws Exception {
        // given a fixture of process package ipcase with one broken reference of each kind
        ModelWiring wiring = ModelWiring.of(PROJECT, Map.of("ipcase", "cn.parkflow.ipcase"));

        // when
        List<String> problems = wiring.check(Path.of("src/test/resources/wiring/ipcase-broken-wiring.bpmn"));

        // then
        String in = "ipcase-broken-wiring.bpmn, ";
        assertThat(problems).containsExactlyInAnyOrder(
                in + "Task_UnknownDelegate: delegateExpression ${noSuchDelegate} names no Spring bean",
                in + "Task_OtherProcessDelegate: ${incubatorCertificates} uses bean incubatorCertificates of cn.parkflow.incubator,"
                        + " which is neither the kernel nor the process's own package cn.parkflow.ipcase",
                in + "Task_UnknownService: ${noSuchService.run(execution)} calls noSuchService, which is no Spring bean",
                in + "Task_UnknownService: a service step names its code with camunda:expression;"
                        + " use camunda:delegateExpression=\"${bean}\"",
                in + "Task_MissingForm: no form with id no-such-form",
                in + "Task_MissingDecision: no decision with id no-such-decision",
                in + "Task_MissingProcess: no process with id no-such-process",
                in + "Task_MissingTemplate: no mail template (src/main/resources/mail/*.txt) with id no-such-template",
                in + "Task_MissingDocument: no document template (src/main/resources/documents/*.html) with id no-such-document",
                in + "Task_MissingDeclaredDocument: no document template (src/main/resources/documents/*.html) with id"
                        + " ipcase-no-such-letter",
                in + "Event_OtherProcessTimer: ${incubatorClock.deadline(execution)} uses bean incubatorClock of"
                        + " cn.parkflow.incubator, which is neither the kernel nor the process's own package cn.parkflow.ipcase",
                in + "SequenceFlow_UnknownRule: ${grade == \"A.b(c)\" && noSuchRule.allows(grade)} calls noSuchRule,"
                        + " which is no Spring bean");
    }
}
