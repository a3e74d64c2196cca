package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.CASE_TYPE;

import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NextMilestones;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The next milestone of an open conversion project for the kernel's case view: the one the manager
 * last set at diagnosis, concept verification or a quarterly report ({@code nextMilestone},
 * {@code nextMilestoneDate}), the same as the pipeline shows.
 */
@Component
class ConversionMilestones implements NextMilestones {

    static final String NEXT_MILESTONE = "nextMilestone";
    static final String NEXT_MILESTONE_DATE = "nextMilestoneDate";

    private final ConversionProjects projects;

    ConversionMilestones(ConversionProjects projects) {
        this.projects = projects;
    }

    @Override
    public Set<String> caseTypes() {
        return Set.of(CASE_TYPE);
    }

    @Override
    public Optional<NextMilestone> of(CaseRecord record) {
        if (record.isClosed()) {
            return Optional.empty();
        }
        Map<String, Object> fields = projects.trackedFields(record.number());
        Object name = fields.get(NEXT_MILESTONE);
        if (name == null || name.toString().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new NextMilestone(name.toString(), date(fields.get(NEXT_MILESTONE_DATE))));
    }

    /** The form's date (2026-06-30, possibly with a time after it); none when missing or unreadable. */
    private static LocalDate date(Object value) {
        if (value == null || value.toString().length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.toString().substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
