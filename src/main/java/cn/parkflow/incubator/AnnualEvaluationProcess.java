package cn.parkflow.incubator;

/** Keys, element ids and variables of the annual evaluation and change report models. */
final class AnnualEvaluationProcess {

    static final String KEY = "incubator-annual-evaluation";
    static final String ROUND_KEY = "incubator-annual-evaluation-round";
    static final String CHANGE_KEY = "incubator-change-report";

    static final String TASK_FILE_REPORT = "Task_FileAnnualReport";
    static final String TASK_REVIEW_REPORT = "Task_ReviewAnnualReport";
    static final String FILING_OVERDUE = "BoundaryEvent_FilingOverdue";
    static final String TASK_DECIDE_MISSED_FILING = "Task_DecideMissedFiling";
    static final String TASK_GRADE_MISSING_REPORT = "Task_GradeMissingReport";
    static final String TASK_GRANT_LATE_FILING = "Task_GrantLateFiling";
    static final String REAPPLICATION_NOTICE_DUE = "Event_ReapplicationNoticeDue";
    static final String TASK_REVIEW_CHANGE = "Task_ReviewChangeReport";
    static final String TASK_DECIDE_REVOCATION = "Task_DecideRevocation";

    static final String CERTIFICATE_NUMBER = "certificateNumber";
    static final String EVALUATION_YEAR = "evaluationYear";
    static final String PREVIOUS_GRADE = "previousGrade";
    static final String GRADE = "grade";
    static final String FILING_DUE_AT = "filingDueAt";
    static final String FILING_DEADLINE = "filingDeadline";
    static final String MISSED_FILING_DECISION = "missedFilingDecision";
    static final String GRADE_D = "GRADE_D";
    static final String GRANT_LATE_FILING = "GRANT_LATE_FILING";
    static final String LATE_FILING_DEADLINE = "lateFilingDeadline";
    static final String MISSED_FILING_OPINION = "missedFilingOpinion";
    /** True when this evaluation sends the re-application notice (exactly one evaluation of a certificate does). */
    static final String REAPPLICATION_NOTICE = "reapplicationNotice";
    static final String REAPPLICATION_NOTICE_AT = "reapplicationNoticeAt";

    private AnnualEvaluationProcess() {
    }
}
