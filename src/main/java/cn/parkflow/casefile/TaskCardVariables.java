package cn.parkflow.casefile;

import cn.parkflow.engine.EveryUserTaskListener;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * What a Tasklist card shows of the task's case (the shared filters list these task-local
 * variables, see {@code security.TasklistFilters}): the case number, the applying organisation,
 * and for a seat of a multi-instance step (an expert panel) which seat it is, e.g. 第 3 席（共 5 席）.
 * Five 声明利益冲突 tasks of one case can then be told apart. Every process, no model element.
 */
@Component
class TaskCardVariables implements EveryUserTaskListener {

    static final String CASE_NUMBER = "caseNumber";
    static final String ORGANISATION = "caseApplicant";
    static final String SEAT = "taskSeat";

    private final CaseFile caseFile;

    TaskCardVariables(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public Set<String> displayVariables() {
        return Set.of(CASE_NUMBER, ORGANISATION, SEAT);
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        if (number == null) {
            return;
        }
        task.setVariableLocal(CASE_NUMBER, number);
        caseFile.applicantName(number).filter(name -> !name.isEmpty())
                .ifPresent(organisation -> task.setVariableLocal(ORGANISATION, organisation));
        if (task.getVariable("loopCounter") instanceof Integer seat && task.getVariable("nrOfInstances") instanceof Integer seats) {
            task.setVariableLocal(SEAT, "第 " + (seat + 1) + " 席（共 " + seats + " 席）");
        }
    }
}
