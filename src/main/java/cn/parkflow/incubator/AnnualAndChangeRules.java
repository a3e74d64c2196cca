package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.form.RequiredAnswers;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Conditional rules of the annual-evaluation and change-report tasks (see {@link IncubatorSubmissionRules}). */
final class AnnualAndChangeRules {

    private AnnualAndChangeRules() {
    }

    private static boolean lateFilingDeadlineAhead(String day) {
        try {
            return LocalDate.parse(day).isAfter(EngineClock.today());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    static void add(String taskKey, Map<String, Object> v, List<String> errors) {
        switch (taskKey) {
            case TASK_DECIDE_REVOCATION -> {
                RequiredAnswers.requireWhen(v, "revocationDecision", "REVOKE", "revocationReason", "撤销理由", errors);
                if ("KEEP".equals(v.get("revocationDecision")) && Boolean.TRUE.equals(v.get("fraudConfirmed"))) {
                    errors.add("弄虚作假：认定弄虚作假的，应撤销认定");
                }
            }
            case TASK_DECIDE_MISSED_FILING -> {
                RequiredAnswers.requireWhen(v, MISSED_FILING_DECISION, GRANT_LATE_FILING, LATE_FILING_DEADLINE,
                        "补报截止日期", errors);
                if (GRANT_LATE_FILING.equals(v.get(MISSED_FILING_DECISION)) && v.get(LATE_FILING_DEADLINE) instanceof String day
                        && !day.isBlank() && !lateFilingDeadlineAhead(day)) {
                    errors.add("补报截止日期：应晚于今天");
                }
            }
            case TASK_REVIEW_CHANGE -> RequiredAnswers.requireWhen(v, "changeReviewResult", "PROPOSE_REVOCATION",
                    "revocationProposal", "撤销建议理由", errors);
            default -> {
                // the form's own rules suffice
            }
        }
    }
}
