package cn.parkflow.keytask;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The lists, their tracked items, reports, cooperating inputs and supervision notices. */
@Component("keyTaskRegister")
@Transactional
public class KeyTaskRegister { // public: the list model calls taskNumbers(…) in an expression

    static final String DRAFT = "DRAFT";
    static final String APPROVED = "APPROVED";
    static final String ASSESSED = "ASSESSED";
    private static final String ITEM_COLUMNS = "list_year, task_number, title, source_clause, lead_department, "
            + "cooperating_departments, target, indicator_code, key_item, milestones, deadline, carried_from, case_number, "
            + "colour, ever_red, percent_done, last_report_at, last_report_late, next_deadline, grade, award_eligible";

    private final JdbcClient jdbc;

    KeyTaskRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)
    Optional<String> listStatus(int year) {
        return jdbc.sql("SELECT status FROM key_task_list WHERE list_year = ?").param(year).query(String.class).optional();
    }

    /** Replaces the draft of {@code year} with {@code entries}; an approved list is no longer a draft. */
    void saveDraft(int year, List<KeyTaskEntry> entries) {
        String status = listStatus(year).orElse(null);
        if (status != null && !DRAFT.equals(status)) {
            throw new KeyTaskListRefused(List.of(year + "年度清单已审定，不能再替换草案"));
        }
        if (status == null) {
            jdbc.sql("INSERT INTO key_task_list (list_year, status) VALUES (?, ?)").params(year, DRAFT).update();
        }
        jdbc.sql("DELETE FROM key_task_item WHERE list_year = ?").param(year).update();
        for (KeyTaskEntry e : entries) {
            jdbc.sql("INSERT INTO key_task_item (" + ITEM_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, "
                            + "FALSE, 0, NULL, FALSE, NULL, NULL, NULL)")
                    .params(year, e.number(), e.title(), e.sourceClause(), e.leadDepartment(),
                            String.join(",", e.cooperatingDepartments()), e.target(), e.indicatorCode(), e.keyItem(),
                            Milestone.format(e.milestones()), e.deadline(), e.carriedFrom(), Colour.GREEN.name())
                    .update();
        }
    }

    void attachListCase(int year, String caseNumber) {
        jdbc.sql("UPDATE key_task_list SET case_number = ? WHERE list_year = ?").params(caseNumber, year).update();
    }

    void approve(int year, Instant at) {
        jdbc.sql("UPDATE key_task_list SET status = ?, approved_at = ? WHERE list_year = ?")
                .params(APPROVED, Timestamp.from(at), year).update();
    }

    void markAssessed(int year) {
        jdbc.sql("UPDATE key_task_list SET status = ? WHERE list_year = ?").params(ASSESSED, year).update();
    }

    /** The task numbers of the year, in order: the tracked items the list's call activity starts. */
    @Transactional(readOnly = true)
    public List<Integer> taskNumbers(Object year) {
        return jdbc.sql("SELECT task_number FROM key_task_item WHERE list_year = ? ORDER BY task_number")
                .param(((Number) year).intValue()).query(Integer.class).list();
    }

    @Transactional(readOnly = true)
    List<KeyTaskItem> items(int year) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM key_task_item WHERE list_year = ? ORDER BY task_number")
                .param(year).query(KeyTaskRegister::item).list();
    }

    @Transactional(readOnly = true)
    KeyTaskItem item(int year, int number) {
        return jdbc.sql("SELECT " + ITEM_COLUMNS + " FROM key_task_item WHERE list_year = ? AND task_number = ?")
                .params(year, number).query(KeyTaskRegister::item).optional()
                .orElseThrow(() -> new IllegalArgumentException(year + "年度清单中没有第" + number + "项任务"));
    }

    void attachCase(int year, int number, String caseNumber) {
        update(year, number, "case_number = ?", caseNumber);
    }

    /** Sets the colour; red once means red for the year's award eligibility. */
    void setColour(int year, int number, Colour colour, LocalDate nextDeadline) {
        update(year, number, "colour = ?, ever_red = (ever_red OR ?), next_deadline = ?", colour.name(),
                colour == Colour.RED, nextDeadline);
    }

    void recordReport(int year, int number, Report report) {
        jdbc.sql("INSERT INTO key_task_report (list_year, task_number, kind, period, percent_done, indicator_actual, "
                        + "problems, support_needed, due_at, submitted_at, submitted_by, late) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(year, number, report.kind(), report.period(), report.percentDone(), report.indicatorActual(),
                        report.problems(), report.supportNeeded(), Timestamp.from(report.dueAt()),
                        Timestamp.from(report.submittedAt()), report.submittedBy(), report.late())
                .update();
        update(year, number, "percent_done = ?, last_report_at = ?, last_report_late = ?", report.percentDone(),
                Timestamp.from(report.submittedAt()), report.late());
    }

    @Transactional(readOnly = true)
    List<Report> reports(int year, int number) {
        return jdbc.sql("SELECT kind, period, percent_done, indicator_actual, problems, support_needed, due_at, "
                        + "submitted_at, submitted_by, late FROM key_task_report WHERE list_year = ? AND task_number = ? "
                        + "ORDER BY submitted_at, id")
                .params(year, number)
                .query((rs, row) -> new Report(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getTimestamp(8).toInstant(),
                        rs.getString(9), rs.getBoolean(10)))
                .list();
    }

    void recordCooperation(int year, int number, String period, String department, String input, String by, Instant at) {
        jdbc.sql("DELETE FROM key_task_cooperation WHERE list_year = ? AND task_number = ? AND period = ? AND department = ?")
                .params(year, number, period, department).update();
        jdbc.sql("INSERT INTO key_task_cooperation (list_year, task_number, period, department, input, submitted_by, "
                        + "submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
                .params(year, number, period, department, input, by, Timestamp.from(at)).update();
    }

    /** "department：input" per cooperating department for the period, in department order. */
    @Transactional(readOnly = true)
    List<String> cooperation(int year, int number, String period) {
        return jdbc.sql("SELECT department, input FROM key_task_cooperation WHERE list_year = ? AND task_number = ? "
                        + "AND period = ? ORDER BY department")
                .params(year, number, period).query((rs, row) -> rs.getString(1) + "：" + rs.getString(2)).list();
    }

    void openNotice(String noticeNumber, int year, int number, Colour level, Instant issuedAt, Instant dueAt) {
        jdbc.sql("INSERT INTO key_task_notice (notice_number, list_year, task_number, level, issued_at, due_at, status) "
                        + "VALUES (?, ?, ?, ?, ?, ?, 'OPEN')")
                .params(noticeNumber, year, number, level.name(), Timestamp.from(issuedAt), Timestamp.from(dueAt)).update();
    }

    void closeNotice(String noticeNumber, boolean resolved) {
        jdbc.sql("UPDATE key_task_notice SET status = ? WHERE notice_number = ?")
                .params(resolved ? "RESOLVED" : "UNRESOLVED", noticeNumber).update();
    }

    /** True while a supervision process runs for the item (from its colour until it ends). */
    @Transactional(readOnly = true)
    long openNotices(int year, int number) {
        return jdbc.sql("SELECT COUNT(*) FROM key_task_notice WHERE list_year = ? AND task_number = ? AND status = 'OPEN'")
                .params(year, number).query(Long.class).single();
    }

    /** The latest notice keeps the item 红: a 红 notice still open, or any notice left unresolved. */
    @Transactional(readOnly = true)
    boolean escalatedToRed(int year, int number) {
        return jdbc.sql("SELECT level, status FROM key_task_notice WHERE list_year = ? AND task_number = ? "
                        + "ORDER BY issued_at DESC, notice_number DESC LIMIT 1")
                .params(year, number)
                .query((rs, row) -> "UNRESOLVED".equals(rs.getString(2))
                        || "OPEN".equals(rs.getString(2)) && Colour.RED.name().equals(rs.getString(1)))
                .optional().orElse(false);
    }

    void recordGrade(int year, int number, String grade, boolean awardEligible) {
        update(year, number, "grade = ?, award_eligible = ?", grade, awardEligible);
    }

    void recordBlockAssessment(int year, String operator, int[] scores, String recommendation, String note, String by) {
        jdbc.sql("DELETE FROM block_operator_assessment WHERE list_year = ? AND operator_code = ?").params(year, operator)
                .update();
        jdbc.sql("INSERT INTO block_operator_assessment (list_year, operator_code, technology, finance, talent, policy, ip, "
                        + "management, recommendation, note, assessed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(year, operator, scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], recommendation,
                        note, by)
                .update();
    }

    @Transactional(readOnly = true)
    List<String> blockAssessments(int year) {
        return jdbc.sql("SELECT operator_code, technology + finance + talent + policy + ip + management, recommendation "
                        + "FROM block_operator_assessment WHERE list_year = ? ORDER BY operator_code")
                .param(year).query((rs, row) -> rs.getString(1) + " 总分" + rs.getInt(2) + " " + rs.getString(3)).list();
    }

    private void update(int year, int number, String set, Object... values) {
        Object[] params = Arrays.copyOf(values, values.length + 2);
        params[values.length] = year;
        params[values.length + 1] = number;
        if (jdbc.sql("UPDATE key_task_item SET " + set + " WHERE list_year = ? AND task_number = ?").params(params)
                .update() != 1) {
            throw new IllegalArgumentException(year + "年度清单中没有第" + number + "项任务");
        }
    }

    private static KeyTaskItem item(ResultSet rs, int row) throws SQLException {
        int carried = rs.getInt("carried_from");
        Integer carriedFrom = rs.wasNull() ? null : carried;
        String coop = rs.getString("cooperating_departments");
        KeyTaskEntry entry = new KeyTaskEntry(rs.getInt("task_number"), rs.getString("title"), rs.getString("source_clause"),
                rs.getString("lead_department"), coop.isBlank() ? List.of() : List.of(coop.split(",")),
                rs.getString("target"), rs.getString("indicator_code"), rs.getBoolean("key_item"),
                Milestone.parse(rs.getString("milestones")), rs.getObject("deadline", LocalDate.class), carriedFrom);
        Timestamp last = rs.getTimestamp("last_report_at");
        boolean eligible = rs.getBoolean("award_eligible");
        Boolean awardEligible = rs.wasNull() ? null : eligible;
        return new KeyTaskItem(rs.getInt("list_year"), entry, rs.getString("case_number"),
                Colour.valueOf(rs.getString("colour")), rs.getBoolean("ever_red"), rs.getInt("percent_done"),
                last == null ? null : last.toInstant(), rs.getBoolean("last_report_late"),
                rs.getObject("next_deadline", LocalDate.class), rs.getString("grade"), awardEligible);
    }

    /** One progress report (quarterly, monthly or the year-end self-assessment). */
    record Report(String kind, String period, int percentDone, BigDecimal indicatorActual, String problems,
                  String supportNeeded, Instant dueAt, Instant submittedAt, String submittedBy, boolean late) {
    }
}
