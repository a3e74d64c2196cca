package cn.parkflow.casefile;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * The next milestone a case is heading for and its date, e.g. 完成概念验证 by 2026-06-30, as the
 * process that owns the case plans it. A process declares a bean for its case types; the case view
 * ({@code GET /api/cases/{number}}) shows it beside the current stage without knowing the process.
 */
public interface NextMilestones {

    /** The case types (e.g. {@code CONV}) whose milestones this bean knows. */
    Set<String> caseTypes();

    /** The case's next milestone; empty when none is planned or the case is closed. */
    Optional<NextMilestone> of(CaseRecord record);

    /** A planned milestone; {@code dueOn} may be empty when no date was set. */
    record NextMilestone(String name, LocalDate dueOn) {
    }
}
