package cn.parkflow.incubator;

/** Keys, element ids and variables of the annual evaluation and change report models. */
final class AnnualEvaluationProcess {

    static final String KEY = "incubator-annual-evaluation";
    static final String ROUND_KEY = "incubator-annual-evaluation-round";
    static final String CHANGE_KEY = "incubator-change-report";

    static final String TASK_FILE_REPORT = "Task_FileAnnualReport";
    static final String TASK_REVIEW_REPORT = "Task_ReviewAnnualReport";
    static final String FILING_OVERDUE = "BoundaryEvent_FilingOverdue";
    static final String REAPPLICATION_NOTICE_DUE = "Event_ReapplicationNoticeDue";
    static final String TASK_REVIEW_CHANGE = "Task_ReviewChangeReport";
    static final String TASK_DECIDE_REVOCATION = "Task_DecideRevocation";

    static final String CERTIFICATE_NUMBER = "certificateNumber";
    static final String EVALUATION_YEAR = "evaluationYear";
    static final String PREVIOUS_GRADE = "previousGrade";
    static final String GRADE = "grade";

    private AnnualEvaluationProcess() {
    }
}
