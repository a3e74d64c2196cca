package cn.parkflow.conversion;

/** The achievement-conversion model's key, the element ids the code and tests use, and its variable names. */
final class AchievementConversionProcess {

    static final String KEY = "achievement-conversion";
    static final String CASE_TYPE = "CONV";
    static final String WITHDRAWAL_MESSAGE = "conversion-project-withdrawn";

    // steps
    static final String START = "StartEvent_LeadRegistered";
    static final String TASK_ACCEPT_LEAD = "Task_AcceptLead";
    static final String TASK_ASSIGN_MANAGER = "Task_AssignManager";
    static final String TASK_DIAGNOSE = "Task_DiagnoseNeeds";
    static final String TASK_VERIFY_CONCEPT = "Task_VerifyConcept";
    static final String TASK_ARRANGE_RIGHTS = "Task_ArrangeRights";
    static final String TASK_PUBLISH_PRICING_NOTICE = "Task_PublishPricingNotice";
    static final String TASK_RUN_PRICING_NOTICE = "Task_RunPricingNotice";
    static final String TASK_HANDLE_PRICING_OBJECTION = "Task_HandlePricingObjection";
    static final String TASK_TRADE_ON_EXCHANGE = "Task_TradeOnExchange";
    static final String TASK_OBTAIN_VALUATION = "Task_ObtainValuation";
    static final String TASK_REGISTER_CONTRACT = "Task_RegisterContract";
    static final String TASK_SCHEDULE_LANDING = "Task_ScheduleLanding";
    static final String TASK_PROVIDE_SPACE = "Task_ProvideSpace";
    static final String TASK_PROVIDE_POLICY = "Task_ProvidePolicyService";
    static final String TASK_PROVIDE_TALENT = "Task_ProvideTalentService";
    static final String TASK_PROVIDE_FUNDING = "Task_ProvideFunding";
    static final String TASK_REGISTER_COMPANY = "Task_RegisterCompany";
    static final String GATEWAY_LANDING_JOIN = "Gateway_LandingJoin";
    static final String TASK_CONFIRM_LANDING = "Task_ConfirmLanding";
    static final String TASK_PILOT_INDUSTRY = "Task_SupportPilotIndustry";
    static final String TASK_PILOT_SPACE = "Task_SupportPilotSpace";
    static final String TASK_REPORT_QUARTER = "Task_ReportQuarter";
    static final String TASK_HANDLE_COORDINATION = "Task_HandleCoordination";
    static final String TASK_SUPERVISE_STALLED = "Task_SuperviseStalledProject";
    static final String TASK_CLOSE_PROJECT = "Task_CloseProject";
    static final String QUARTER_STARTED = "StartEvent_QuarterStarted";
    static final String STALL_CHECK_DUE = "StartEvent_StallCheckDue";
    static final String TASK_NOTIFY_STALLED = "Task_NotifyStalledProject";
    static final String END_CLOSED = "End_ProjectClosed";
    static final String END_DECLINED = "End_LeadDeclined";
    static final String END_WITHDRAWN = "End_ProjectWithdrawn";

    // variables
    static final String APPLICANT = "applicant";
    static final String CASE_NUMBER = "caseNumber";
    static final String INSTITUTION = "institution";
    static final String INSTITUTION_NAME = "institutionName";
    static final String PROJECT_TITLE = "projectTitle";
    static final String TECHNOLOGY_MANAGER = "technologyManager";
    static final String MANAGER_DEPARTMENT = "managerDepartment";
    static final String DISTRICT_LIAISON = "districtLiaison";
    static final String CONCEPT_VERIFICATION_DAYS = "conceptVerificationDays";
    static final String PRICING_NOTICE_ENDS_AT = "pricingNoticeEndsAt";
    static final String LANDING_DUE_AT = "landingDueAt";
    static final String STATUS_COLOUR = "statusColour";
    static final String STALL_CHANGE = "stallChange";
    /** A project taken over from the earlier ledger: its last update there, e.g. 2026-02-10. */
    static final String LAST_UPDATED_ON = "lastUpdatedOn";
    static final String STALLED_WORKING_DAYS = "stalledWorkingDays";
    /** The last update the 黄 mail names, e.g. 2026-02-10. */
    static final String STALL_LAST_UPDATE = "stallLastUpdate";
    /** Who the 黄 mail goes to: the manager and the liaison (user ids), else stc. */
    static final String STALL_MAIL_TO = "stallMailTo";
    static final String COORDINATION_DEPARTMENT = "coordinationDepartment";
    static final String GRADUATED = "graduated";
    static final String GRADUATION_CRITERION = "graduationCriterion";
    static final String CLOSURE_OUTCOME = "closureOutcome";
    static final String OUTCOME = "outcome";
    static final String REASON = "reason";
    static final String WITHDRAWAL_REASON = "withdrawalReason";
    static final String WITHDRAWN_BY = "withdrawnBy";

    // status colours (DOMAIN.md §6 colours, used for the stall flag)
    static final String GREEN = "GREEN";
    static final String YELLOW = "YELLOW";
    static final String RED = "RED";
    static final String NO_CHANGE = "NONE";

    private AchievementConversionProcess() {
    }
}
