package cn.parkflow.approval;

import cn.parkflow.casefile.CaseEvent;
import cn.parkflow.casefile.CaseFile;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 已办: the tasks a user completed, newest first, with case number, step, outcome and date. */
@Service
class CompletedTasks {

    private static final String COMPLETED = "completed";

    private final HistoryService historyService;
    private final CaseFile caseFile;
    private final AsServer asServer;

    CompletedTasks(HistoryService historyService, CaseFile caseFile, AsServer asServer) {
        this.historyService = historyService;
        this.caseFile = caseFile;
        this.asServer = asServer;
    }

    record Page(long total, int page, int size, List<Item> items) {
    }

    record Item(String taskId, String caseNumber, String process, String step, String outcome, Instant completedAt) {
    }

    @Transactional(readOnly = true)
    Page of(String userId, int page, int size) {
        return asServer.call(() -> {
            var query = historyService.createHistoricTaskInstanceQuery().taskAssignee(userId).finished()
                    .taskDeleteReason(COMPLETED);
            long total = query.count();
            List<HistoricTaskInstance> done = query.orderByHistoricTaskInstanceEndTime().desc()
                    .listPage(page * size, size);
            Map<String, HistoricProcessInstance> instances = done.isEmpty() ? Map.of()
                    : historyService.createHistoricProcessInstanceQuery()
                            .processInstanceIds(done.stream().map(HistoricTaskInstance::getProcessInstanceId)
                                    .collect(Collectors.toSet())).list().stream()
                            .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
            List<Item> items = done.stream().map(task -> item(task, instances.get(task.getProcessInstanceId()))).toList();
            return new Page(total, page, size, items);
        });
    }

    private Item item(HistoricTaskInstance task, HistoricProcessInstance instance) {
        String number = instance == null ? null : instance.getBusinessKey();
        String process = instance == null ? null : instance.getProcessDefinitionName();
        return new Item(task.getId(), number, process, task.getName(), outcome(number, task), task.getEndTime().toInstant());
    }

    /** The step's audit outcome (e.g. 审查结论：材料齐全，予以受理), as the case trail recorded it. */
    private String outcome(String number, HistoricTaskInstance task) {
        if (number == null || !caseFile.exists(number)) {
            return "已办理";
        }
        Instant end = task.getEndTime().toInstant();
        return caseFile.events(number).stream()
                .filter(event -> "TASK_COMPLETED".equals(event.action()) && task.getName().equals(event.task())
                        && task.getAssignee().equals(event.actor()))
                .min(Comparator.comparing((CaseEvent event) -> Duration.between(event.occurredAt(), end).abs()))
                .map(CaseEvent::outcome).orElse("已办理");
    }
}
