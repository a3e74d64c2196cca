package cn.parkflow.ipcase;

import java.util.List;

/** The keys, element ids and variable names of the IP case models that code and tests use. */
final class IpProtectionCaseProcess {

    static final String KEY = "ip-protection-case";
    static final String CONSULTATION_KEY = "ip-consultation";
    static final String MEDIATION_KEY = "ip-mediation";
    static final String ENFORCEMENT_KEY = "ip-enforcement";
    static final String ADJUDICATION_KEY = "ip-adjudication";
    static final String CRIMINAL_KEY = "ip-criminal-transfer";
    static final String LITIGATION_KEY = "ip-litigation-guidance";
    static final List<String> ALL_KEYS = List.of(KEY, CONSULTATION_KEY, MEDIATION_KEY, ENFORCEMENT_KEY, ADJUDICATION_KEY,
            CRIMINAL_KEY, LITIGATION_KEY);
    static final String CASE_TYPE = "IP";
    static final String STATION = "ip-station";

    // ip-protection-case
    static final String START = "StartEvent_CaseSubmitted";
    static final String TASK_REGISTER_INTAKE = "Task_RegisterIntake";
    static final String TASK_DECIDE_ACCEPTANCE = "Task_DecideAcceptance";
    static final String TASK_TRIAGE = "Task_TriageCase";
    static final String TASK_PROPOSE_CHANNEL = "Task_ProposeChannel";
    static final String TASK_CLOSE = "Task_CloseCase";
    static final String TASK_RECORD_CHANNEL_RESULT = "Task_RecordChannelResult";
    static final String END_CLOSED = "EndEvent_CaseClosed";
    static final String END_NOT_ACCEPTED = "EndEvent_NotAccepted";
    static final String CALL_CONSULTATION = "CallActivity_Consultation";
    static final String CALL_MEDIATION = "CallActivity_Mediation";
    static final String CALL_ENFORCEMENT = "CallActivity_Enforcement";
    static final String CALL_ADJUDICATION = "CallActivity_Adjudication";
    static final String CALL_CRIMINAL = "CallActivity_CriminalTransfer";
    static final String CALL_LITIGATION = "CallActivity_LitigationGuidance";
    // ip-consultation
    static final String TASK_GIVE_OPINION = "Task_GiveOpinion";
    // ip-mediation
    static final String TASK_RECORD_CONSENT = "Task_RecordCounterpartyConsent";
    static final String TASK_MEDIATE = "Task_Mediate";
    static final String TASK_RECORD_CONFIRMATION_APPLICATION = "Task_RecordConfirmationApplication";
    static final String TASK_CONFIRM_AGREEMENT = "Task_ConfirmAgreement";
    static final String TASK_VISIT_PERFORMANCE = "Task_VisitPerformance";
    static final String MESSAGE_COURT_ACCEPTED = "IpCourtAcceptedDispute";
    // ip-enforcement
    static final String TASK_DECIDE_OPENING = "Task_DecideOpening";
    static final String TASK_APPROVE_OPENING_EXTENSION = "Task_ApproveOpeningExtension";
    static final String TASK_INVESTIGATE = "Task_Investigate";
    static final String TASK_RECORD_PAUSE_ENDED = "Task_RecordPauseEnded";
    static final String TASK_REVIEW_LEGALITY = "Task_ReviewLegality";
    static final String TASK_DECIDE_ENFORCEMENT = "Task_DecideEnforcement";
    // ip-adjudication
    static final String TASK_ACCEPT_ADJUDICATION = "Task_AcceptAdjudication";
    static final String TASK_COLLECT_ANSWER = "Task_CollectAnswer";
    static final String TASK_DECIDE_ADJUDICATION = "Task_DecideAdjudication";
    static final String TASK_RECORD_APPRAISAL_RESULT = "Task_RecordAppraisalResult";
    static final String END_ADJUDICATION_UNAVAILABLE = "EndEvent_AdjudicationUnavailable";
    // ip-criminal-transfer
    static final String TASK_TRANSFER_TO_POLICE = "Task_TransferToPolice";
    static final String TASK_DECIDE_POLICE_ACCEPTANCE = "Task_DecidePoliceAcceptance";
    static final String TASK_REVIEW_TRANSFER = "Task_ReviewTransfer";
    // ip-litigation-guidance
    static final String TASK_GUIDE_LITIGATION = "Task_GuideLitigation";

    // variables
    static final String APPLICANT = "applicant";
    static final String CASE_NUMBER = "caseNumber";
    static final String WALK_IN = "walkIn";
    static final String APPLICANT_NAME = "applicantName";
    static final String APPLICANT_EMAIL = "applicantEmail";
    static final String APPLICANT_CONTACT = "applicantContact";
    static final String PARTIES_CONTACT = "partiesContact";
    static final String COUNTERPARTY_EMAIL = "counterpartyEmail";
    static final String IP_TYPE = "ipType";
    static final String SERVICE_REQUESTED = "serviceRequested";
    static final String COURT_ACCEPTED = "courtAccepted";
    static final String RECEIVED_AT = "receivedAt";
    static final String ACCEPTANCE_DECISION = "acceptanceDecision";
    static final String PROPOSED_CHANNEL = "proposedChannel";
    static final String CHANNEL = "channel";
    static final String CHANNEL_OUTCOME = "channelOutcome";
    static final String CHANNEL_OUTCOME_LABEL = "channelOutcomeLabel";
    static final String NEXT_SERVICE = "nextService";
    static final String CHANNEL_HISTORY = "channelHistory";
    static final String CHANNEL_SUMMARY = "channelSummary";
    static final String OUTCOME_CODE = "outcomeCode";
    static final String OUTCOME_CATEGORY = "outcomeCategory";
    static final String OUTCOME_LABEL = "outcomeLabel";
    static final String ELAPSED_WORKING_DAYS = "elapsedWorkingDays";
    static final String ON_TIME = "onTime";
    static final String SATISFACTION = "satisfaction";
    static final String ENFORCEMENT_DEPARTMENT = "enforcementDepartment";
    static final String INVESTIGATION_RESULT = "investigationResult";
    static final String NONE = "NONE";

    private IpProtectionCaseProcess() {
    }
}
