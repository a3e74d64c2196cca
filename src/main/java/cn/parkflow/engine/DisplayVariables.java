package cn.parkflow.engine;

import java.util.Set;

/**
 * Task-local variables a listener sets only to show, on the Tasklist card or a form, what the case
 * or the task already records elsewhere (the case number, the applicant, the due date in words). The
 * engine keeps no history of them ({@link DisplayVariablesWithoutHistory}): two rows of history
 * for every such variable of every task would record nothing new.
 */
public interface DisplayVariables {

    Set<String> displayVariables();
}
