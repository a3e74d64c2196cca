package cn.parkflow.keytask;

/** Keys, element ids and variable names of the key-task models, written once. */
final class KeyTaskProcess {

    static final String LIST_KEY = "annual-task-list";
    static final String KEY = "key-task";
    static final String SUPERVISION_KEY = "key-task-supervision";
    static final String LIST_CASE_TYPE = "KTL";
    static final String CASE_TYPE = "KT";
    static final String COLOUR_DECISION = "key-task-colour";
    static final String GRADE_DECISION = "key-task-grade";

    // annual-task-list
    static final String START_LIST = "StartEvent_ListOpened";
    static final String TASK_DRAFT_LIST = "Task_DraftList";
    static final String TASK_APPROVE_SUPERVISION = "Task_ApproveBySupervision";
    static final String TASK_APPROVE_DRC = "Task_ApproveByDrc";
    static final String CALL_TRACK_KEY_TASK = "CallActivity_TrackKeyTask";
    static final String TASK_REPORT_INDICATOR = "Task_ReportIndicatorActual";
    static final String TASK_ASSESS_BLOCK_OPERATOR = "Task_AssessBlockOperator";
    static final String TASK_SELF_ASSESS_BLOCK_OPERATOR = "Task_SelfAssessBlockOperator";
    static final String EVENT_BLOCK_SELF_ASSESSMENT = "StartEvent_BlockSelfAssessmentDue";
    static final String TASK_CONFIRM_YEAR_RESULTS = "Task_ConfirmYearResults";
    static final String EVENT_INDICATOR_QUARTER = "StartEvent_IndicatorQuarterEnded";

    // key-task
    /** 签收交办任务: the lead department acknowledges the assignment; bulk-completable in Tasklist. */
    static final String TASK_ACKNOWLEDGE = "Task_AcknowledgeAssignment";
    static final String TASK_SUBMIT_PLAN = "Task_SubmitPlan";
    static final String TASK_REVIEW_PLAN = "Task_ReviewPlan";
    static final String TASK_COOPERATION_INPUT = "Task_ProvideCooperationInput";
    static final String TASK_QUARTERLY_REPORT = "Task_SubmitQuarterlyReport";
    static final String TASK_MONTHLY_REPORT = "Task_SubmitMonthlyReport";
    static final String TASK_FOURTH_QUARTER_INPUT = "Task_ProvideFourthQuarterInput";
    static final String TASK_FOURTH_QUARTER_REPORT = "Task_SubmitFourthQuarterReport";
    static final String EVENT_FOURTH_QUARTER_ENDED = "Event_FourthQuarterEnded";
    static final String GATEWAY_YEAR_END_SPLIT = "Gateway_YearEndSplit";
    static final String GATEWAY_YEAR_END_JOIN = "Gateway_YearEndJoin";
    static final String TASK_SELF_ASSESS = "Task_SelfAssess";
    static final String TASK_CHECK_FIGURES = "Task_CheckFigures";
    static final String TASK_APPOINT_PANEL = "Task_AppointPanel";
    static final String TASK_SCORE_AS_EXPERT = "Task_ScoreAsExpert";
    static final String TASK_ASSESS = "Task_Assess";
    static final String EVENT_QUARTER_ENDED = "StartEvent_QuarterEnded";
    static final String EVENT_MONTH_STARTED = "StartEvent_MonthStarted";
    static final String EVENT_COLOUR_CHECK = "Event_ColourCheckDue";
    static final String EVENT_SELF_ASSESSMENT = "Event_SelfAssessmentDue";
    static final String SUBPROCESS_TRACKING = "SubProcess_Tracking";

    // key-task-supervision
    static final String TASK_ISSUE_NOTICE = "Task_IssueNotice";
    static final String TASK_ANSWER_NOTICE = "Task_AnswerNotice";
    static final String TASK_REVIEW_ANSWER = "Task_ReviewAnswer";
    static final String TASK_ESCALATE = "Task_EscalateToLeadership";
    static final String EVENT_NOTICE_OVERDUE = "Event_NoticeOverdue";
    /** The district leadership group's office (领导小组办公室), candidate group of the escalation. */
    static final String LEADERSHIP_OFFICE = "drc";

    // variables
    static final String YEAR = "year";
    static final String LIST_YEAR = "listYear";
    static final String TASK_NUMBER = "taskNumber";
    static final String CASE_NUMBER = "caseNumber";
    static final String LEAD_DEPARTMENT = "leadDepartment";
    static final String COOPERATING_DEPARTMENTS = "cooperatingDepartments";
    static final String KEY_ITEM = "keyItem";
    static final String COLOUR = "colour";
    static final String NOTICE_LEVEL = "noticeLevel";
    static final String LEADERSHIP_ASSIGNEE = "leadershipAssignee";
    static final String PANEL_EXPERTS = "panelExperts";
    static final String EXPERT = "expert";
    static final String EXPERT_SCORE = "expertScore";
    static final String ASSESSMENT_SCORE = "assessmentScore";

    private KeyTaskProcess() {
    }
}
