package cn.parkflow.document;

import java.util.Map;

/**
 * A document to make: which template, for which case, in which step, with which data.
 *
 * @param step      names the step so that making it again (a retried job) finds the document made
 *                  before instead of a second one, e.g. process instance + activity instance + template
 * @param variables the step's variables (text, numbers, dates, flags)
 */
public record DocumentOrder(String template, String caseNumber, String step, Map<String, Object> variables) {

    public DocumentOrder {
        variables = variables == null ? Map.of() : variables;
    }
}
