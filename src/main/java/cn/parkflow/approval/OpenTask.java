package cn.parkflow.approval;

import java.util.Set;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;

/**
 * An open task as the actions see it: the task, the case it belongs to (null outside a case), its
 * step in the model and what the step declares, and the groups it is routed to.
 */
record OpenTask(Task task, String caseNumber, String activityInstanceId, UserTask step, StepProperties properties,
                Set<String> candidateGroups) {

    String id() {
        return task.getId();
    }

    String stepId() {
        return task.getTaskDefinitionKey();
    }

    String stepName() {
        return task.getName();
    }

    String processInstanceId() {
        return task.getProcessInstanceId();
    }

    /** Whether the user holds the task, or may take it: it is theirs, or unclaimed in one of their groups. */
    boolean isWorkedBy(String userId, Set<String> groups) {
        if (userId.equals(task.getAssignee())) {
            return true;
        }
        return task.getAssignee() == null && candidateGroups.stream().anyMatch(groups::contains);
    }
}
