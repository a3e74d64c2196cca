package cn.parkflow.casefile;

import java.util.List;
import java.util.Map;

/**
 * The document kinds a user task needs before it may be completed with the outcome that means
 * "complete", e.g. the formal check needs the application's documents when
 * {@code formalCheckResult = COMPLETE}; other outcomes (asking for a supplement) stay possible.
 *
 * @param processKey      process definition key of the task
 * @param stepId          user task id
 * @param outcomeVariable variable holding the step's outcome
 * @param completeValue   the outcome value that needs the documents
 * @param kinds           codes of the required kinds
 */
public record RequiredDocuments(String processKey, String stepId, String outcomeVariable, String completeValue,
                                List<String> kinds) {

    public RequiredDocuments {
        kinds = List.copyOf(kinds);
    }

    /** Whether this submission of {@code stepId} of {@code processKey} needs the documents. */
    public boolean appliesTo(String processKey, String stepId, Map<String, Object> values) {
        return this.processKey.equals(processKey) && this.stepId.equals(stepId)
                && completeValue.equals(String.valueOf(values.get(outcomeVariable)));
    }
}
