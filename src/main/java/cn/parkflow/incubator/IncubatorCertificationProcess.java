package cn.parkflow.incubator;

/**
 * Process key, element ids and variable names of bpmn/incubator-certification.bpmn and of its
 * expert review, bpmn/incubator-expert-review.bpmn (a call activity of the certification).
 */
final class IncubatorCertificationProcess {

    static final String KEY = "incubator-certification";
    static final String CASE_TYPE = "INC";
    /** The expert review, called by {@link #TASK_EXPERT_REVIEW} with the case number as its business key. */
    static final String EXPERT_REVIEW_KEY = "incubator-expert-review";

    // user tasks
    /** The applicant's first step: the application's documents, uploaded in Tasklist's 材料 tab. */
    static final String TASK_UPLOAD_DOCUMENTS = "Task_UploadApplicationDocuments";
    static final String TASK_FORMAL_CHECK = "Task_CheckApplicationFormally";
    static final String TASK_SUPPLEMENT = "Task_SupplementApplication";
    static final String TASK_CONFIRM_ELIGIBILITY = "Task_ConfirmEligibility";
    // user tasks of the expert review (incubator-expert-review)
    static final String TASK_DECLARE_CONFLICT = "Task_DeclareConflictOfInterest";
    static final String TASK_SCORE = "Task_ScoreApplication";
    static final String TASK_ASSIGN_EXPERT = "Task_AssignExpert";
    // user tasks of the certification again
    static final String TASK_INSPECT_SITE = "Task_InspectSite";
    static final String TASK_DECIDE = "Task_DecideCertification";
    static final String TASK_RECEIVE_OBJECTIONS = "Task_ReceiveObjections";
    static final String TASK_INVESTIGATE_OBJECTION = "Task_InvestigateObjection";
    // other elements the code and tests refer to
    static final String TASK_EXPERT_REVIEW = "Task_ExpertReview";
    /** The seats of the expert review (multi-instance), and a seat's timer: in incubator-expert-review. */
    static final String EXPERT_REVIEW = "SubProcess_ExpertReview";
    static final String SEAT_UNFILLED = "BoundaryEvent_SeatUnfilled";
    static final String SUPPLEMENT_OVERDUE = "BoundaryEvent_SupplementOverdue";
    static final String NOTICE_PERIOD_ENDED = "BoundaryEvent_NoticePeriodEnded";
    static final String END_CERTIFIED = "EndEvent_IncubatorCertified";
    static final String END_REJECTED = "EndEvent_ApplicationRejected";

    // variables
    static final String APPLICANT = "applicant";
    static final String CASE_NUMBER = "caseNumber";
    static final String NOTICE_ENDS_AT = "noticeEndsAt";
    static final String REQUESTED_TRACK = "requestedTrack";
    static final String CERTIFIED_TRACK = "certifiedTrack";
    static final String CERTIFIED_TRACK_LABEL = "certifiedTrackLabel";
    static final String OPERATING_YEARS = "operatingYears";
    static final String SUPPLEMENT_ROUND = "supplementRound";
    static final String FORMAL_CHECK_RESULT = "formalCheckResult";
    static final String FORMAL_CHECK_COMPLETE = "COMPLETE";
    static final String ATTACHMENT_SUMMARY = "attachmentSummary";
    static final String EXPERT_PANEL_SIZE = "expertPanelSize";
    static final String CONFLICTED_EXPERTS = "conflictedExperts";
    static final String PANEL_EXPERTS = "panelExperts";
    static final String EXPERT = "expert";
    static final String ASSIGNED_EXPERT = "assignedExpert";
    static final String ELIGIBLE_EXPERTS = "eligibleExperts";
    static final String EXPERTS_GROUP = "experts";
    static final String REJECTION_CODE = "rejectionCode";
    static final String REASON = "reason";
    static final String OUTCOME = "outcome";
    static final String CERTIFICATE_NUMBER = "certificateNumber";
    static final String CERTIFICATE_VALID_FROM = "certificateValidFrom";
    static final String CERTIFICATE_VALID_UNTIL = "certificateValidUntil";

    private IncubatorCertificationProcess() {
    }
}
