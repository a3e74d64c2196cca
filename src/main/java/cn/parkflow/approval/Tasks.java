package cn.parkflow.approval;

import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.springframework.stereotype.Component;

/** Loads tasks, open or done, for the actions, whoever may see them: the actions check that themselves. */
@Component
class Tasks {

    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final HistoryService historyService;
    private final RepositoryService repositoryService;
    private final AsServer asServer;

    Tasks(TaskService taskService, RuntimeService runtimeService, HistoryService historyService,
          RepositoryService repositoryService, AsServer asServer) {
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.historyService = historyService;
        this.repositoryService = repositoryService;
        this.asServer = asServer;
    }

    OpenTask open(String taskId) {
        return asServer.call(() -> {
            Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || task.getProcessInstanceId() == null) {
                throw ActionRefused.notApplicable("任务 " + taskId + " 不存在或已办理完毕。");
            }
            HistoricTaskInstance history = historyService.createHistoricTaskInstanceQuery().taskId(taskId).singleResult();
            UserTask step = model(task.getProcessDefinitionId()).getModelElementById(task.getTaskDefinitionKey());
            Set<String> groups = taskService.getIdentityLinksForTask(taskId).stream()
                    .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                    .map(link -> link.getGroupId()).collect(Collectors.toUnmodifiableSet());
            return new OpenTask(task, caseNumber(task.getProcessInstanceId()), history.getActivityInstanceId(), step,
                    StepProperties.of(step), groups);
        });
    }

    BpmnModelInstance model(String processDefinitionId) {
        return repositoryService.getBpmnModelInstance(processDefinitionId);
    }

    /** The case number of the instance: its business key, or null when it has none. */
    String caseNumber(String processInstanceId) {
        ProcessInstance instance = runtimeService.createProcessInstanceQuery()
                .processInstanceId(processInstanceId).singleResult();
        if (instance != null) {
            return instance.getBusinessKey();
        }
        var ended = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).singleResult();
        return ended == null ? null : ended.getBusinessKey();
    }
}
