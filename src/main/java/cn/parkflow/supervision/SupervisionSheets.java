package cn.parkflow.supervision;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.supervision.Workbooks.Column;
import java.util.List;

/** The columns of each board list in its Excel export. */
final class SupervisionSheets {

    private SupervisionSheets() {
    }

    static byte[] overdue(String filter, List<OpenDeadline> rows) {
        return new Workbooks(EngineClock.ZONE).sheet("逾期清单", filter, List.<Column<OpenDeadline>>of(
                new Column<>("案件编号", OpenDeadline::caseNumber),
                new Column<>("流程", OpenDeadline::processName),
                new Column<>("环节", OpenDeadline::step),
                new Column<>("部门", OpenDeadline::departmentName),
                new Column<>("承办人", OpenDeadline::assignee),
                new Column<>("办理期限", OpenDeadline::due),
                new Column<>("逾期工作日", OpenDeadline::workingDaysOverdue),
                new Column<>("颜色", OpenDeadline::colourLabel)), rows).bytes();
    }

    static byte[] overview(String filter, Overview.View view) {
        return new Workbooks(EngineClock.ZONE)
                .sheet("在办案件", filter, List.<Column<Overview.StageCount>>of(
                        new Column<>("流程", Overview.StageCount::processName),
                        new Column<>("阶段", Overview.StageCount::stageName),
                        new Column<>("在办件数", Overview.StageCount::cases)), view.openCases())
                .sheet("预警", filter, List.<Column<Overview.DepartmentColours>>of(
                        new Column<>("部门", Overview.DepartmentColours::departmentName),
                        new Column<>("蓝", Overview.DepartmentColours::blue),
                        new Column<>("黄", Overview.DepartmentColours::yellow),
                        new Column<>("红", Overview.DepartmentColours::red)), view.colours())
                .bytes();
    }

    static byte[] onTime(String filter, OnTimeRates.View view) {
        return new Workbooks(EngineClock.ZONE)
                .sheet("按部门", filter, List.<Column<OnTimeRates.Rate>>of(
                        new Column<>("部门", OnTimeRates.Rate::departmentName),
                        new Column<>("办结件数", OnTimeRates.Rate::completed),
                        new Column<>("按期件数", OnTimeRates.Rate::onTime),
                        new Column<>("按期率（%）", OnTimeRates.Rate::percent)), view.byDepartment())
                .sheet("按环节", filter, List.<Column<OnTimeRates.Rate>>of(
                        new Column<>("部门", OnTimeRates.Rate::departmentName),
                        new Column<>("流程", OnTimeRates.Rate::processName),
                        new Column<>("环节", OnTimeRates.Rate::step),
                        new Column<>("办结件数", OnTimeRates.Rate::completed),
                        new Column<>("按期件数", OnTimeRates.Rate::onTime),
                        new Column<>("按期率（%）", OnTimeRates.Rate::percent)), view.bySteps())
                .bytes();
    }

    static byte[] casePage(String filter, CasePage.View view) {
        return new Workbooks(EngineClock.ZONE).sheet("办理过程", filter, List.<Column<Timeline.Entry>>of(
                new Column<>("时间", Timeline.Entry::at),
                new Column<>("办理人", Timeline.Entry::actorName),
                new Column<>("事项", Timeline.Entry::what),
                new Column<>("结果", Timeline.Entry::outcome)), view.timeline()).bytes();
    }
}
