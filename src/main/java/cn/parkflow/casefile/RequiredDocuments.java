package cn.parkflow.casefile;

import java.util.List;
import java.util.Map;

/**
 * The document kinds a user task needs before it may be completed with the outcome that means
 * "complete", e.g. the formal check needs the application's documents when
 * {@code formalCheckResult = COMPLETE}; other outcomes (asking for a supplement) stay possible.
 * A step that has no other outcome (the applicant's upload step) needs them always ({@link #always}).
 *
 * @param processKey      process definition key of the task
 * @param stepId          user task id
 * @param outcomeVariable variable holding the step's outcome; null: every completion needs the documents
 * @param completeValue   the outcome value that needs the documents (null with a null outcome variable)
 * @param kinds           codes of the required kinds
 * @param uploadedInStep  whether only documents uploaded since the task opened count (补正: the
 *                        supplement of this round, not one uploaded before the request)
 */
public record RequiredDocuments(String processKey, String stepId, String outcomeVariable, String completeValue,
                                List<String> kinds, boolean uploadedInStep) {

    public RequiredDocuments {
        kinds = List.copyOf(kinds);
    }

    public RequiredDocuments(String processKey, String stepId, String outcomeVariable, String completeValue,
                             List<String> kinds) {
        this(processKey, stepId, outcomeVariable, completeValue, kinds, false);
    }

    /** Every completion of the step needs the kinds, uploaded while its task was open (e.g. 补正 of this round). */
    public static RequiredDocuments uploadedInStep(String processKey, String stepId, List<String> kinds) {
        return new RequiredDocuments(processKey, stepId, null, null, kinds, true);
    }

    /** Every completion of the step needs the kinds. */
    public static RequiredDocuments always(String processKey, String stepId, List<String> kinds) {
        return new RequiredDocuments(processKey, stepId, null, null, kinds);
    }

    /** Whether this submission of {@code stepId} of {@code processKey} needs the documents. */
    public boolean appliesTo(String processKey, String stepId, Map<String, Object> values) {
        return this.processKey.equals(processKey) && this.stepId.equals(stepId)
                && (outcomeVariable == null || completeValue.equals(String.valueOf(values.get(outcomeVariable))));
    }
}
