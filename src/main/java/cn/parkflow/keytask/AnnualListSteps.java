package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.SubmissionRefused;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The service steps of the year's list ({@code annual-task-list.bpmn}): draft, assignment, indicators, carry-over. */
@Component("annualListSteps")
public class AnnualListSteps { // public: the list model calls blockOperators() in an expression

    private final KeyTaskRegister register;
    private final IndicatorCatalogue indicators;
    private final ListUpload lists;
    private final CaseFile caseFile;
    private final ReportSchedule schedule;
    private final KeyTaskProperties properties;

    AnnualListSteps(KeyTaskRegister register, IndicatorCatalogue indicators, ListUpload lists, CaseFile caseFile,
                    ReportSchedule schedule, KeyTaskProperties properties) {
        this.register = register;
        this.indicators = indicators;
        this.lists = lists;
        this.caseFile = caseFile;
        this.schedule = schedule;
        this.properties = properties;
    }

    /**
     * Start listener: one list per year. The first draft is what is already there (an upload, or items
     * carried over from last year), else the seed plan's tasks; the year's indicators are created.
     */
    void open(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() != null) {
            return; // started with its case already open (a restart after migration, or a test from a later step)
        }
        Object value = execution.getVariable(LIST_YEAR);
        if (!(value instanceof Number)) {
            throw new SubmissionRefused(START_LIST, List.of("清单年度：必填"));
        }
        int year = ((Number) value).intValue();
        String status = register.listStatus(year).orElse(null);
        if (status != null && !KeyTaskRegister.DRAFT.equals(status)) {
            throw new SubmissionRefused(START_LIST, List.of("清单年度：" + year + "年度清单已审定，不能重新编制"));
        }
        if (status == null) {
            register.saveDraft(year, lists.seed(year));
        }
        indicators.ensureYear(year);
        CaseRecord opened = caseFile.open(new NewCase(LIST_CASE_TYPE, year + "年度重点工作清单", null, null, "stc"),
                KeyTaskSteps.actor(execution));
        register.attachListCase(year, opened.number());
        execution.setProcessBusinessKey(opened.number());
        execution.setVariable(CASE_NUMBER, opened.number());
        execution.setVariable(LIST_YEAR, year);
        execution.setVariable("draftDue", deadline(schedule.draftDue(year)));
        present(execution);
    }

    /** The draft as the approvers read it, after the last upload. */
    void present(DelegateExecution execution) {
        List<KeyTaskItem> items = register.items(year(execution));
        execution.setVariable("itemCount", items.size());
        execution.setVariable("listSummary", items.stream().map(i -> i.entry().number() + ". " + i.entry().title() + "（牵头："
                        + i.entry().leadDepartment() + (i.entry().cooperatingDepartments().isEmpty() ? ""
                        : "；配合：" + String.join("、", i.entry().cooperatingDepartments()))
                        + (i.entry().carriedFrom() != null ? "；" + i.entry().carriedFrom() + "年结转" : "") + "）")
                .collect(Collectors.joining("\n")));
    }

    /** 交办: the list is approved; each task becomes a tracked item (the call activity). */
    void assign(DelegateExecution execution) {
        int year = year(execution);
        register.approve(year, EngineClock.now());
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "LIST_APPROVED", null,
                year + "年度清单经督查室、区发展改革委审定，交办 " + register.taskNumbers(year).size() + " 项任务");
    }

    /** The block operators assessed each year (seed tasks 2 and 14), one task each. */
    public List<String> blockOperators() {
        return properties.blockOperators();
    }

    /** Quarter-start timer: which quarter the owners now report (the one just ended). */
    void openIndicatorQuarter(DelegateExecution execution) {
        YearMonth previous = YearMonth.from(EngineClock.today()).minusMonths(1);
        int quarter = (previous.getMonthValue() - 1) / 3 + 1;
        execution.setVariable("indicatorQuarter", quarter);
        execution.setVariable("indicatorQuarterText", previous.getYear() + "年第" + quarter + "季度");
        execution.setVariable("indicatorDue", deadline(schedule.quarterlyDue(previous.getYear(), quarter)));
    }

    /** Create listener of an owner's reporting task: what it reports, read-only. */
    void describeIndicator(DelegateTask task) {
        Indicator indicator = indicators.indicator(year(task.getExecution()), (String) task.getVariable("indicatorCode"));
        task.setVariableLocal("indicatorName", indicator.name());
        task.setVariableLocal("indicatorUnit", indicator.unit());
        task.setVariableLocal("indicatorTarget", indicator.target().stripTrailingZeros().toPlainString());
        task.setVariableLocal("indicatorKind", switch (indicator.kind()) {
            case Indicator.FLOW -> "流量（填本季度发生额，全年累加）";
            case Indicator.RATIO -> "比率（填截至季末的值，不累加）";
            default -> "存量（填季末时点数）";
        });
    }

    /** Complete listener: the owner's actual with its evidence. */
    void recordIndicatorActual(DelegateTask task) {
        indicators.recordActual(year(task.getExecution()), (String) task.getVariable("indicatorCode"),
                ((Number) task.getVariable("indicatorQuarter")).intValue(),
                new BigDecimal(task.getVariable("actualValue").toString()), (String) task.getVariable("actualEvidence"),
                KeyTaskSteps.actor(task.getExecution()), EngineClock.now());
    }

    /** When the block operators' year-end self-assessment opens: as the items', mid-December at 09:00. */
    public Date selfAssessmentOpens(int year) {
        return KeyTaskSteps.at(schedule.selfAssessmentOpens(year), 9, 0);
    }

    /** Complete listener: a block operator's six scores and the recommendation. */
    void recordBlockAssessment(DelegateTask task) {
        int[] scores = new int[6];
        String[] keys = {"scoreTechnology", "scoreFinance", "scoreTalent", "scorePolicy", "scoreIp", "scoreManagement"};
        for (int i = 0; i < keys.length; i++) {
            scores[i] = ((Number) task.getVariable(keys[i])).intValue();
        }
        register.recordBlockAssessment(year(task.getExecution()), (String) task.getVariable("blockOperator"), scores,
                (String) task.getVariable("blockRecommendation"), (String) task.getVariable("blockNote"),
                KeyTaskSteps.actor(task.getExecution()));
    }

    /** The year's grades and award eligibility, for the confirmation step. */
    void summariseYear(DelegateExecution execution) {
        List<KeyTaskItem> items = register.items(year(execution));
        execution.setVariable("gradeSummary", items.stream().map(i -> i.entry().number() + ". " + i.entry().title() + "："
                        + (i.grade() == null ? "未考核" : Grade.labelOf(i.grade()))
                        + (Boolean.TRUE.equals(i.awardEligible()) ? "" : "（不具备评优资格）"))
                .collect(Collectors.joining("\n")));
        execution.setVariable("blockSummary", String.join("\n", register.blockAssessments(year(execution))));
    }

    /** Unfinished items (not 100 % done, or graded 不合格) go into next year's draft, marked as carried over. */
    void carryOver(DelegateExecution execution) {
        int year = year(execution);
        List<KeyTaskEntry> unfinished = new ArrayList<>();
        for (KeyTaskItem item : register.items(year)) {
            if (item.percentDone() < 100 || Grade.FAIL.name().equals(item.grade())) {
                unfinished.add(item.entry());
            }
        }
        int next = year + 1;
        String status = register.listStatus(next).orElse(null);
        List<KeyTaskEntry> draft = new ArrayList<>(status == null ? List.of()
                : register.items(next).stream().map(KeyTaskItem::entry).toList());
        if (status != null && !KeyTaskRegister.DRAFT.equals(status)) {
            caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "CARRY_OVER_SKIPPED", null,
                    next + "年度清单已审定，未完成任务请另行补列");
        } else {
            int number = draft.stream().mapToInt(KeyTaskEntry::number).max().orElse(0);
            for (KeyTaskEntry e : unfinished) {
                draft.add(new KeyTaskEntry(++number, e.title(), e.sourceClause(), e.leadDepartment(),
                        e.cooperatingDepartments(), e.target(), e.indicatorCode(), e.keyItem(), List.of(),
                        LocalDate.of(next, 12, 31), year));
            }
            register.saveDraft(next, draft);
        }
        register.markAssessed(year);
        execution.setVariable("carriedOver", unfinished.size());
        caseFile.close(execution.getProcessBusinessKey(), year + "年度考核完成，" + unfinished.size() + " 项未完成任务结转"
                + next + "年度", CaseFile.SYSTEM);
    }

    private static int year(DelegateExecution execution) {
        return KeyTaskSteps.number(execution, LIST_YEAR);
    }

    private java.util.Date deadline(LocalDate day) {
        return java.util.Date.from(schedule.calendar().deadlineOf(day).toInstant());
    }
}
