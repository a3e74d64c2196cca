package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseRecord;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The service steps of one tracked item ({@code key-task.bpmn}): case, reports, colour, grade. */
@Component("keyTaskSteps")
public class KeyTaskSteps { // public: the models call cooperating(…) in an expression

    private final KeyTaskRegister register;
    private final CaseFile caseFile;
    private final ReportSchedule schedule;
    private final ColourRules rules;
    private final DepartmentDirectory departments;

    KeyTaskSteps(KeyTaskRegister register, CaseFile caseFile, ReportSchedule schedule, ColourRules rules,
                 DepartmentDirectory departments) {
        this.register = register;
        this.caseFile = caseFile;
        this.schedule = schedule;
        this.rules = rules;
        this.departments = departments;
    }

    /** Start listener: opens the item's case (交办) and gives the model what its steps read. */
    void open(DelegateExecution execution) {
        if (execution.getProcessBusinessKey() != null) {
            return; // started with its case already open (a restart after migration, or a test from a later step)
        }
        int year = number(execution, YEAR);
        KeyTaskItem item = register.item(year, number(execution, TASK_NUMBER));
        KeyTaskEntry entry = item.entry();
        String title = cut(year + "年度重点任务" + entry.number() + "：" + entry.title(), 200);
        CaseRecord opened = caseFile.open(new NewCase(CASE_TYPE, title, null, null, entry.leadDepartment()), CaseFile.SYSTEM);
        register.attachCase(year, entry.number(), opened.number());
        execution.setProcessBusinessKey(opened.number());
        execution.setVariable(CASE_NUMBER, opened.number());
        execution.setVariable("taskTitle", entry.title());
        execution.setVariable("taskTarget", entry.target());
        execution.setVariable(LEAD_DEPARTMENT, entry.leadDepartment());
        execution.setVariable(COOPERATING_DEPARTMENTS, String.join(",", entry.cooperatingDepartments()));
        execution.setVariable(KEY_ITEM, entry.keyItem());
        execution.setVariable("itemDeadline", chineseDate(entry.deadline()));
        execution.setVariable(COLOUR, item.colour().name());
        execution.setVariable("selfAssessmentAt", at(schedule.selfAssessmentOpens(year), 9, 0));
        execution.setVariable("assessmentDue", deadline(schedule.assessmentDue(year)));
    }

    /** The cooperating departments of {@code csv}, one multi-instance task each (none: none). */
    public List<String> cooperating(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    void scheduleColourCheck(DelegateExecution execution) {
        KeyTaskItem item = item(execution);
        execution.setVariable("nextColourCheck", Date.from(rules.nextCheck(item.entry(), item.year(), EngineClock.now())));
    }

    /** Timer, or after a report: the colour decision on the item's facts; a worse 黄 or 红 starts a supervision notice. */
    void judgeColour(DelegateExecution execution) {
        KeyTaskItem item = item(execution);
        boolean openOverdue = execution.getProcessEngineServices().getTaskService().createTaskQuery()
                .processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKeyIn(TASK_QUARTERLY_REPORT, TASK_FOURTH_QUARTER_REPORT, TASK_MONTHLY_REPORT)
                .dueBefore(Date.from(EngineClock.now())).count() > 0;
        ColourFacts facts = rules.facts(item.entry(), item.year(), item.percentDone(), item.lastReportLate(), openOverdue,
                EngineClock.now());
        String decided = execution.getProcessEngineServices().getDecisionService()
                .evaluateDecisionTableByKey(COLOUR_DECISION, facts.asVariables()).getSingleResult().getSingleEntry();
        Colour colour = Colour.valueOf(decided);
        if (register.escalatedToRed(item.year(), item.entry().number()) && Colour.RED.worseThan(colour)) {
            colour = Colour.RED;
        }
        register.setColour(item.year(), item.entry().number(), colour, facts.nextDeadline());
        execution.setVariable(COLOUR, colour.name());
        execution.setVariable("expectedPercent", facts.expectedPercent());
        execution.setVariable("itemComplete", item.percentDone() >= 100);
        if (colour != item.colour()) {
            caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "COLOUR_CHANGED", null,
                    item.colour().label() + " → " + colour.label() + "（已完成" + item.percentDone() + "%，序时进度"
                            + facts.expectedPercent() + "%）");
        }
        if (colour.needsNotice() && colour.worseThan(item.colour()) && !supervisionRunning(execution)) {
            execution.getProcessEngineServices().getRuntimeService().createProcessInstanceByKey(SUPERVISION_KEY)
                    .businessKey(execution.getProcessBusinessKey())
                    .setVariable(YEAR, item.year()).setVariable(TASK_NUMBER, item.entry().number())
                    .setVariable(CASE_NUMBER, execution.getProcessBusinessKey())
                    .setVariable("taskTitle", item.entry().title())
                    .setVariable(LEAD_DEPARTMENT, item.entry().leadDepartment())
                    .setVariable(NOTICE_LEVEL, colour.name())
                    .execute();
        }
    }

    private boolean supervisionRunning(DelegateExecution execution) {
        return execution.getProcessEngineServices().getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(SUPERVISION_KEY).processInstanceBusinessKey(execution.getProcessBusinessKey())
                .active().count() > 0;
    }

    /** Quarter-start timer: the quarter just ended, its report's and the cooperating inputs' due dates. */
    void openQuarterlyReport(DelegateExecution execution) {
        LocalDate today = EngineClock.today();
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        int quarter = (previous.getMonthValue() - 1) / 3 + 1;
        execution.setVariable("quarterlyPeriod", previous.getYear() + "-Q" + quarter);
        execution.setVariable("quarterlyPeriodText", previous.getYear() + "年第" + quarter + "季度");
        execution.setVariable("quarterlyDue", deadline(schedule.quarterlyDue(previous.getYear(), quarter)));
        execution.setVariable("cooperationDue", deadline(schedule.cooperationDue(previous.getYear(), quarter)));
    }

    /** The fourth quarter of the item's year ends on 12-31: its report opens with the next quarter, 1 January 09:00. */
    public Date fourthQuarterReportOpens(int year) {
        return at(LocalDate.of(year + 1, 1, 1), 9, 0);
    }

    /** After the year's end, alongside the self-assessment: the fourth quarter of the item's own year and its due dates. */
    void openFourthQuarterReport(DelegateExecution execution) {
        int year = number(execution, YEAR);
        execution.setVariable("quarterlyPeriod", year + "-Q4");
        execution.setVariable("quarterlyPeriodText", year + "年第4季度");
        execution.setVariable("quarterlyDue", deadline(schedule.quarterlyDue(year, 4)));
        execution.setVariable("cooperationDue", deadline(schedule.cooperationDue(year, 4)));
    }

    /** Month-start timer: the month just ended and its report's due date (the 5th, rolled). */
    void openMonthlyReport(DelegateExecution execution) {
        YearMonth month = YearMonth.from(EngineClock.today());
        execution.setVariable("monthlyPeriod", month.minusMonths(1).toString());
        execution.setVariable("monthlyDue", deadline(schedule.monthlyDue(month)));
    }

    /** Complete listener of a cooperating department's task: its input, kept apart from the others'. */
    void collectCooperation(DelegateTask task) {
        register.recordCooperation(number(task.getExecution(), YEAR), number(task.getExecution(), TASK_NUMBER),
                (String) task.getVariable("quarterlyPeriod"), (String) task.getVariable("cooperatingDepartment"),
                (String) task.getVariable("cooperationInput"), actor(task.getExecution()), EngineClock.now());
    }

    /** Create listener of the lead department's quarterly report: the cooperating inputs, read-only. */
    void presentCooperation(DelegateTask task) {
        List<String> inputs = register.cooperation(number(task.getExecution(), YEAR),
                number(task.getExecution(), TASK_NUMBER), (String) task.getVariable("quarterlyPeriod"));
        task.setVariableLocal("cooperationSummary", inputs.isEmpty() ? "（本任务无配合单位）" : String.join("\n", inputs));
    }

    void recordQuarterlyReport(DelegateExecution execution) {
        recordReport(execution, "QUARTERLY", (String) execution.getVariable("quarterlyPeriod"),
                (Date) execution.getVariable("quarterlyDue"));
    }

    void recordMonthlyReport(DelegateExecution execution) {
        recordReport(execution, "MONTHLY", (String) execution.getVariable("monthlyPeriod"),
                (Date) execution.getVariable("monthlyDue"));
    }

    private void recordReport(DelegateExecution execution, String kind, String period, Date due) {
        KeyTaskItem item = item(execution);
        Instant now = EngineClock.now();
        boolean late = now.isAfter(due.toInstant());
        int percent = number(execution, "percentDone");
        register.recordReport(item.year(), item.entry().number(), new KeyTaskRegister.Report(kind, period, percent,
                decimal(execution.getVariable("indicatorActual")), (String) execution.getVariable("problems"),
                (String) execution.getVariable("supportNeeded"), due.toInstant(), now, actor(execution), late));
        caseFile.record(execution.getProcessBusinessKey(), actor(execution), "PROGRESS_REPORTED", null,
                period + "：完成" + percent + "%" + (late ? "（逾期报送）" : ""));
        judgeColour(execution);
    }

    /** After the grade: the final report, the grade and the award eligibility (a red item has none); the case closes. */
    void recordGrade(DelegateExecution execution) {
        KeyTaskItem item = item(execution);
        Grade grade = Grade.valueOf((String) execution.getVariable("grade"));
        int percent = number(execution, "finalPercentDone");
        Object checked = "CORRECTED".equals(execution.getVariable("figureCheck"))
                ? execution.getVariable("checkedIndicatorValue") : execution.getVariable("finalIndicatorValue");
        Instant now = EngineClock.now();
        register.recordReport(item.year(), item.entry().number(), new KeyTaskRegister.Report("FINAL",
                String.valueOf(item.year()), percent, decimal(checked), null, null, now, now, actor(execution), false));
        boolean eligible = !item.everRed() && grade != Grade.FAIL;
        register.recordGrade(item.year(), item.entry().number(), grade.name(), eligible);
        String outcome = "考核等级：" + grade.label() + "；" + (eligible ? "具备年度评优资格"
                : item.everRed() ? "年内曾为红色，不具备年度评优资格" : "不具备年度评优资格");
        execution.setVariable("gradeLabel", grade.label());
        execution.setVariable("outcome", outcome);
        execution.setVariable("awardEligible", eligible);
        // for the printed result (template keytask-assessment-result)
        execution.setVariable("everRed", item.everRed());
        execution.setVariable("taskFinished", percent >= 100);
        execution.setVariable("assessedIndicatorValue", checked instanceof Number
                ? decimal(checked).stripTrailingZeros().toPlainString() : "（未填报）");
        String lead = item.entry().leadDepartment();
        execution.setVariable("leadDepartmentName", departments.find(lead).map(Department::name).orElse(lead));
        caseFile.close(execution.getProcessBusinessKey(), outcome, CaseFile.SYSTEM);
    }

    private KeyTaskItem item(DelegateExecution execution) {
        return register.item(number(execution, YEAR), number(execution, TASK_NUMBER));
    }

    static int number(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("变量 " + name + " 缺失或不是数字：" + value);
        }
        return number.intValue();
    }

    static BigDecimal decimal(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()) : null;
    }

    static String actor(DelegateExecution execution) {
        Authentication authentication = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : CaseFile.SYSTEM;
    }

    static String chineseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    static Date at(LocalDate day, int hour, int minute) {
        return Date.from(day.atTime(hour, minute).atZone(EngineClock.ZONE).toInstant());
    }

    Date deadline(LocalDate day) {
        return Date.from(schedule.calendar().deadlineOf(day).toInstant());
    }

    static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }
}
