package cn.parkflow.casefile;

import cn.parkflow.engine.TaskDisplayValues;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist card shows of the task's case (the shared filters list these variables, see
 * {@code security.TasklistFilters}): the case number, the applying organisation, and for a seat of
 * a multi-instance step (an expert panel) which seat it is, e.g. 第 3 席（共 5 席）. Five 声明利益冲突
 * tasks of one case can then be told apart. Every process, no model element. Worked out when a card
 * is read ({@link TaskDisplayValues}): an officer may read the task, not its process instance, so the
 * values come as the task's own.
 */
@Component
class TaskCardVariables implements TaskDisplayValues {

    static final String CASE_NUMBER = "caseNumber";
    static final String ORGANISATION = "caseApplicant";
    static final String SEAT = "taskSeat";

    private final CaseFile caseFile;

    TaskCardVariables(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public Map<String, String> of(DelegateTask task) {
        Map<String, String> values = new LinkedHashMap<>();
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number == null) {
            return values;
        }
        values.put(CASE_NUMBER, number);
        caseFile.applicantName(number).filter(name -> !name.isEmpty())
                .ifPresent(organisation -> values.put(ORGANISATION, organisation));
        // a seat's own counter, on its execution: other tasks read no variables of their case
        if (task.getExecution().getVariableLocal("loopCounter") instanceof Integer seat
                && task.getExecution().getVariable("nrOfInstances") instanceof Integer seats) {
            values.put(SEAT, "第 " + (seat + 1) + " 席（共 " + seats + " 席）");
        }
        return values;
    }
}
