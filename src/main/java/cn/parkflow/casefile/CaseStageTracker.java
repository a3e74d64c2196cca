package cn.parkflow.casefile;

import cn.parkflow.engine.EveryUserTaskListener;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Writes the stage a process declared ({@link CaseStages}) into the case status when a task of
 * that step is created. Several tasks of one stage (parallel seats) change it once.
 */
@Component
public class CaseStageTracker implements EveryUserTaskListener {

    private final CaseFile caseFile;
    private final ObjectProvider<CaseStages> declared;
    private volatile List<CaseStages> stages;

    CaseStageTracker(CaseFile caseFile, ObjectProvider<CaseStages> declared) {
        this.caseFile = caseFile;
        this.declared = declared;
    }

    /** For process tests that build an engine without Spring. */
    public static CaseStageTracker of(CaseFile caseFile, CaseStages... stages) {
        CaseStageTracker tracker = new CaseStageTracker(caseFile, null);
        tracker.stages = List.of(stages);
        return tracker;
    }

    @Override
    public Set<String> events() {
        return Set.of(TaskListener.EVENTNAME_CREATE);
    }

    @Override
    public void notify(DelegateTask task) {
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        String processKey = EveryUserTaskListener.processKey(task);
        if (number == null || processKey == null) {
            return;
        }
        for (CaseStages process : stages()) {
            String stage = process.processKeys().contains(processKey) ? process.byStep().get(task.getTaskDefinitionKey()) : null;
            if (stage != null && !stage.equals(caseFile.get(number).status())) {
                caseFile.changeStatus(number, stage, CaseFile.SYSTEM);
            }
        }
    }

    private List<CaseStages> stages() {
        List<CaseStages> current = stages;
        if (current == null) {
            current = declared.orderedStream().toList();
            stages = current;
        }
        return current;
    }
}
