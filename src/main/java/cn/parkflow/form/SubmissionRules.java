package cn.parkflow.form;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a process that a form cannot say by itself, e.g. "a reason is required when
 * rejecting". Declare a Spring bean per process package; the kernel checks them beside the form's
 * own rules at every completion of a task of those processes, and at their start.
 */
public interface SubmissionRules {

    /** The process definition keys these rules belong to. */
    Set<String> processKeys();

    /**
     * One message per broken rule, "label：problem", for the submission of {@code stepId} (a user
     * task id, or the start event id at the start) with all the instance's values.
     */
    List<String> check(String stepId, Map<String, Object> values);
}
