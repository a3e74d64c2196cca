package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.Workdays;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NumberSeries;
import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.DepartmentHeads;
import java.time.Instant;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The supervision notice (督办单, {@code key-task-supervision.bpmn}): numbered, addressed to the lead
 * department's head; 黄 gives {@code yellowNoticeDays} working days for an explanation and fix, 红
 * {@code redNoticeDays} for the head's commitment and a fix report. Unresolved, 黄 becomes 红 and a
 * 红 notice follows; an unresolved 红 goes to the leadership group.
 */
@Component
class SupervisionSteps {

    static final String NUMBER_SERIES = "key-task-notice";

    private final KeyTaskRegister register;
    private final CaseFile caseFile;
    private final NumberSeries numbers;
    private final DepartmentHeads heads;
    private final DepartmentDirectory departments;
    private final Workdays workdays;
    private final KeyTaskProperties properties;

    SupervisionSteps(KeyTaskRegister register, CaseFile caseFile, NumberSeries numbers, DepartmentHeads heads,
                     DepartmentDirectory departments, Workdays workdays, KeyTaskProperties properties) {
        this.register = register;
        this.caseFile = caseFile;
        this.numbers = numbers;
        this.heads = heads;
        this.departments = departments;
        this.workdays = workdays;
        this.properties = properties;
    }

    static String noticeNumber(int year, int serial) {
        return "闵重点督〔" + year + "〕" + serial + "号";
    }

    void register(DelegateExecution execution) {
        int year = KeyTaskSteps.number(execution, YEAR);
        int task = KeyTaskSteps.number(execution, TASK_NUMBER);
        Colour level = Colour.valueOf((String) execution.getVariable(NOTICE_LEVEL));
        Instant now = EngineClock.now();
        String number = noticeNumber(year, numbers.next(NUMBER_SERIES, year));
        Date due = workdays.after(level == Colour.RED ? properties.redNoticeDays() : properties.yellowNoticeDays());
        register.openNotice(number, year, task, level, now, due.toInstant());
        String levelLabel = level == Colour.RED ? "红色督办" : "黄色督办";
        String requirement = level == Colour.RED
                ? "请部门负责人书面承诺并于" + properties.redNoticeDays() + "个工作日内报送整改报告"
                : "请于" + properties.yellowNoticeDays() + "个工作日内书面说明原因并完成整改";
        execution.setVariable("noticeNumber", number);
        execution.setVariable("noticeDue", due);
        execution.setVariable("noticeDueText", KeyTaskSteps.chineseDate(due.toInstant().atZone(EngineClock.ZONE).toLocalDate()));
        execution.setVariable("noticeLevelLabel", levelLabel);
        execution.setVariable("noticeRule", requirement);
        String lead = (String) execution.getVariable(LEAD_DEPARTMENT);
        execution.setVariable("noticeRecipient", heads.mailToHead(lead));
        describeForTheOrder(execution, register.item(year, task), lead);
        caseFile.record(execution.getProcessBusinessKey(), KeyTaskSteps.actor(execution), "SUPERVISION_NOTICE_ISSUED",
                "签发督办单", number + "（" + levelLabel + "），期限 " + execution.getVariable("noticeDueText"));
    }

    /** What the printed 督办单 (template keytask-supervision-order) states besides the notice's own variables. */
    private void describeForTheOrder(DelegateExecution execution, KeyTaskItem item, String lead) {
        KeyTaskEntry entry = item.entry();
        execution.setVariable("leadDepartmentName", departments.find(lead).map(Department::name).orElse(lead));
        execution.setVariable("taskSource", entry.sourceClause() == null || entry.sourceClause().isBlank()
                ? item.year() + "年度重点工作清单第" + entry.number() + "项"
                : item.year() + "年度重点工作清单第" + entry.number() + "项（" + entry.sourceClause() + "）");
        execution.setVariable("itemDeadline", KeyTaskSteps.chineseDate(entry.deadline()));
        execution.setVariable("noticeSituation", "当前状态" + item.colour().label() + "色，已完成" + item.percentDone() + "%"
                + (item.lastReportAt() == null ? "，尚未报送进展报告" : item.lastReportLate() ? "，最近一次报告逾期报送" : "")
                + (item.nextDeadline() == null ? "" : "，下一节点" + KeyTaskSteps.chineseDate(item.nextDeadline())));
    }

    void resolve(DelegateExecution execution) {
        register.closeNotice((String) execution.getVariable("noticeNumber"), true);
        caseFile.record(execution.getProcessBusinessKey(), KeyTaskSteps.actor(execution), "SUPERVISION_NOTICE_RESOLVED",
                "审核督办答复", execution.getVariable("noticeNumber") + " 整改到位，督办办结");
    }

    /**
     * Unanswered or not fixed: 黄 → 红 and a 红 notice; 红 → the leadership group, assigned to the head of its
     * office ({@code drc}) with the office as the candidate group.
     */
    void escalate(DelegateExecution execution) {
        int year = KeyTaskSteps.number(execution, YEAR);
        int task = KeyTaskSteps.number(execution, TASK_NUMBER);
        String number = (String) execution.getVariable("noticeNumber");
        register.closeNotice(number, false);
        Colour level = Colour.valueOf((String) execution.getVariable(NOTICE_LEVEL));
        boolean wasRed = level == Colour.RED;
        if (!wasRed) {
            KeyTaskItem item = register.item(year, task);
            register.setColour(year, task, Colour.RED, item.nextDeadline());
            execution.setVariable(NOTICE_LEVEL, Colour.RED.name());
        }
        execution.setVariable("escalateToLeadership", wasRed);
        // the leadership group's office is drc: its head takes the case by name, its officers see it while no head is named
        execution.setVariable(LEADERSHIP_ASSIGNEE, wasRed ? heads.headOf(LEADERSHIP_OFFICE).orElse(null) : null);
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "SUPERVISION_NOTICE_UNRESOLVED", null,
                number + " 未整改到位：" + (wasRed ? "提请区重点区域开发领导小组协调" : "升为红色督办"));
    }
}
