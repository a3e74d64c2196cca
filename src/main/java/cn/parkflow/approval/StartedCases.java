package cn.parkflow.approval;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;

/** 我发起的: the cases a user started, applicants and officers who filed on someone's behalf alike, newest first. */
@Service
class StartedCases {

    private final HistoryService historyService;
    private final CaseFile caseFile;
    private final AsServer asServer;

    StartedCases(HistoryService historyService, CaseFile caseFile, AsServer asServer) {
        this.historyService = historyService;
        this.caseFile = caseFile;
        this.asServer = asServer;
    }

    List<CaseRecord> of(String userId, int page, int size) {
        List<String> numbers = asServer.call(() -> historyService.createHistoricProcessInstanceQuery()
                .startedBy(userId).rootProcessInstances().orderByProcessInstanceStartTime().desc()
                .listPage(page * size, size).stream().map(HistoricProcessInstance::getBusinessKey)
                .filter(Objects::nonNull).distinct().toList());
        return numbers.stream().flatMap(number -> caseFile.find(number).stream()).toList();
    }
}
