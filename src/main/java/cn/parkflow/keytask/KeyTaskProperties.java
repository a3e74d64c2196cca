package cn.parkflow.keytask;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The key-task list's own figures (DOMAIN.md §6); each [proposal] is listed in the README.
 *
 * @param quarterlyReportDays   working days after a quarter end by which the quarterly report is due
 * @param cooperationLeadDays   working days before that by which cooperating departments give their input
 * @param monthlyReportDay      day of the month by which a key item's monthly report is due (rolled)
 * @param yellowNoticeDays      working days a 黄 notice gives for explanation and fix
 * @param redNoticeDays         working days a 红 notice gives for the head's commitment and fix report
 * @param selfAssessmentDay     December day the year-end self-assessment opens
 * @param blockOperators        department codes of the block operators assessed yearly (seed tasks 2, 14)
 * @param assessmentPanelMin    fewest experts on an item's assessment panel
 */
@Validated
@ConfigurationProperties("parkflow.key-task")
record KeyTaskProperties(@Min(1) @Max(30) int quarterlyReportDays, @Min(0) @Max(10) int cooperationLeadDays,
                         @Min(1) @Max(28) int monthlyReportDay, @Min(1) @Max(30) int yellowNoticeDays,
                         @Min(1) @Max(30) int redNoticeDays, @Min(1) @Max(31) int selfAssessmentDay,
                         @NotEmpty List<String> blockOperators, @Min(1) @Max(15) int assessmentPanelMin) {

    static KeyTaskProperties defaults() {
        return new KeyTaskProperties(5, 2, 5, 7, 5, 10, List.of("zerobay", "xinzhuang", "mhedz"), 3);
    }
}
