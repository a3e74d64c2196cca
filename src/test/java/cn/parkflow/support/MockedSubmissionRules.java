package cn.parkflow.support;

import cn.parkflow.form.SubmissionRules;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.test.mock.Mocks;

/**
 * The kernel's form checks in an engine built once per class: the rules are the test's, registered
 * per test under {@value #NAME}; none registered, only the forms' own rules apply.
 */
public class MockedSubmissionRules implements SubmissionRules {

    public static final String NAME = "submissionRules";

    @Override
    public Set<String> processKeys() {
        return Mocks.get(NAME) instanceof SubmissionRules rules ? rules.processKeys() : Set.of();
    }

    @Override
    public List<String> check(String stepId, Map<String, Object> values) {
        return Mocks.get(NAME) instanceof SubmissionRules rules ? rules.check(stepId, values) : List.of();
    }
}
