package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task listener on "create": the case status names the stage the case has reached, so supervisors
 * see where each case stands. Several tasks of one stage (the expert seats) change it once.
 */
@Component("incubatorCaseStage")
class CaseStage implements TaskListener {

    static final Map<String, String> STAGES = Map.ofEntries(
            Map.entry(IncubatorCertificationProcess.TASK_FORMAL_CHECK, "FORMAL_CHECK"),
            Map.entry(IncubatorCertificationProcess.TASK_SUPPLEMENT, "SUPPLEMENT_REQUESTED"),
            Map.entry(IncubatorCertificationProcess.TASK_CONFIRM_ELIGIBILITY, "ELIGIBILITY_CHECK"),
            Map.entry(IncubatorCertificationProcess.TASK_DECLARE_CONFLICT, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_SCORE, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_ASSIGN_EXPERT, "EXPERT_REVIEW"),
            Map.entry(IncubatorCertificationProcess.TASK_INSPECT_SITE, "SITE_INSPECTION"),
            Map.entry(IncubatorCertificationProcess.TASK_DECIDE, "DISTRICT_DECISION"),
            Map.entry(IncubatorCertificationProcess.TASK_RECEIVE_OBJECTIONS, IncubatorCase.STATUS_PUBLIC_NOTICE),
            Map.entry(IncubatorCertificationProcess.TASK_INVESTIGATE_OBJECTION, "OBJECTION_INVESTIGATION"),
            Map.entry(AnnualEvaluationProcess.TASK_FILE_REPORT, "ANNUAL_FILING"),
            Map.entry(AnnualEvaluationProcess.TASK_REVIEW_REPORT, "ANNUAL_REVIEW"),
            Map.entry(AnnualEvaluationProcess.TASK_REVIEW_CHANGE, "CHANGE_REVIEW"),
            Map.entry(AnnualEvaluationProcess.TASK_DECIDE_REVOCATION, "REVOCATION_DECISION"));

    private final CaseFile caseFile;

    CaseStage(CaseFile caseFile) {
        this.caseFile = caseFile;
    }

    @Override
    public void notify(DelegateTask task) {
        String stage = STAGES.get(task.getTaskDefinitionKey());
        String number = task.getExecution().getProcessBusinessKey();
        if (stage != null && number != null && !stage.equals(caseFile.get(number).status())) {
            caseFile.changeStatus(number, stage, IncubatorClock.SYSTEM);
        }
    }
}
