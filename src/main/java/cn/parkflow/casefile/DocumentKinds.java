package cn.parkflow.casefile;

import java.util.List;
import java.util.Set;

/**
 * A process's declaration of the documents its cases carry: the kinds with their Chinese labels,
 * and the steps that cannot be completed as "complete" while one of their kinds is missing.
 * Declare one Spring bean per process package; the kernel knows no process, only these
 * declarations ({@link CaseDocuments} accepts only declared kinds, the form kernel enforces
 * {@link #requiredAtSteps()} at every task completion).
 */
public interface DocumentKinds {

    /** The case types (case number prefixes, e.g. {@code INC}) whose cases carry these kinds. */
    Set<String> caseTypes();

    /** The kinds, in the order a case lists them. */
    List<DocumentKind> kinds();

    /**
     * Kinds only the departments working the case may see (e.g. evidence marked trade secret): the
     * case's responsible department, the departments holding an open step of it, supervision, and
     * whoever uploaded the document. Every other reader of the case does not see them listed.
     */
    default Set<String> confidentialKinds() {
        return Set.of();
    }

    /** The steps that need documents before they may end with their "complete" outcome. */
    default List<RequiredDocuments> requiredAtSteps() {
        return List.of();
    }

    /**
     * The kinds the worker of a step may upload from its task (the Tasklist tab 材料): by default
     * those the step requires; a step that corrects an application may offer more.
     */
    default List<StepDocuments> uploadsAtSteps() {
        return requiredAtSteps().stream()
                .map(required -> new StepDocuments(required.processKey(), required.stepId(), required.kinds())).toList();
    }
}
