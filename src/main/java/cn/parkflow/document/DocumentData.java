package cn.parkflow.document;

import java.util.Map;

/**
 * What a process adds to the data of its own templates, beyond the case and the step's variables:
 * a label for a code, a row from its register, a list for a table. Optional: a template that needs
 * only variables needs no Java. One Spring bean per process package.
 */
public interface DocumentData {

    /** Whether this process adds to the template, e.g. by its id's prefix {@code incubator-}. */
    boolean covers(String templateId);

    /** The values to add (they win over variables of the same name). */
    Map<String, ?> dataFor(String templateId, String caseNumber, Map<String, Object> variables);
}
