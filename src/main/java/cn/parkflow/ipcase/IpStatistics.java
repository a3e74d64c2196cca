package cn.parkflow.ipcase;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.WorkingDayCalendar;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Monthly statistics of IP cases closed in a month (DOMAIN.md §4): counts by IP type, channel and
 * outcome, and the on-time rate; compiled on the first working day of the next month for {@code amr}
 * and {@code justice} ({@code ip-monthly-statistics.bpmn}) and on request over REST.
 */
@Component("ipStatistics")
public class IpStatistics { // public: the model's condition calls isFirstWorkingDayOfMonth()

    /** The case type of a monthly report: the numbered report PDF is issued with it. */
    static final String REPORT_CASE_TYPE = "IPSTAT";

    private final IpCaseOutcomes outcomes;
    private final WorkingDayCalendar calendar;
    private final CaseFile caseFile;

    IpStatistics(IpCaseOutcomes outcomes, WorkingDayCalendar calendar, CaseFile caseFile) {
        this.outcomes = outcomes;
        this.calendar = calendar;
        this.caseFile = caseFile;
    }

    record Monthly(String month, int closed, Map<String, Long> byIpType, Map<String, Long> byChannel,
                   Map<String, Long> byOutcome, int onTime, Double onTimeRate) {
    }

    Monthly of(YearMonth month) {
        List<IpCaseOutcome> cases = outcomes.closedBetween(month.atDay(1), month.atEndOfMonth());
        int onTime = (int) cases.stream().filter(IpCaseOutcome::onTime).count();
        return new Monthly(month.toString(), cases.size(), count(cases, IpCaseOutcome::ipType),
                count(cases, c -> c.channel() == null ? "NOT_ACCEPTED" : c.channel()),
                count(cases, IpCaseOutcome::outcomeCode), onTime,
                cases.isEmpty() ? null : Math.round(1000.0 * onTime / cases.size()) / 1000.0);
    }

    /** Whether today is the first working day of its month (the monthly report's day). */
    public boolean isFirstWorkingDayOfMonth() {
        LocalDate today = EngineClock.today();
        return firstWorkingDay(today, calendar).equals(today);
    }

    static LocalDate firstWorkingDay(LocalDate day, WorkingDayCalendar calendar) {
        LocalDate first = day.withDayOfMonth(1);
        while (!calendar.isWorkingDay(first)) {
            first = first.plusDays(1);
        }
        return first;
    }

    /**
     * Service step: the previous month's figures as mail variables, and a report case (type
     * {@value #REPORT_CASE_TYPE}, held by {@code amr}, closed at once) whose number becomes the
     * business key, so the step's {@code ipcase-monthly-statistics} PDF is issued and kept with it.
     */
    void compile(DelegateExecution execution) {
        YearMonth month = YearMonth.from(EngineClock.today()).minusMonths(1);
        Monthly monthly = of(month);
        if (execution.getProcessBusinessKey() == null) {
            String number = caseFile.open(new NewCase(REPORT_CASE_TYPE, "知识产权保护工作统计月报（" + month.getYear() + "年"
                    + month.getMonthValue() + "月）", null, null, "amr"), CaseFile.SYSTEM).number();
            execution.setProcessBusinessKey(number);
            execution.setVariable(IpProtectionCaseProcess.CASE_NUMBER, number);
            caseFile.close(number, "已汇总 " + month + " 办结案件 " + monthly.closed() + " 件", CaseFile.SYSTEM);
        }
        execution.setVariable("statisticsMonth", monthly.month());
        execution.setVariable("closedCount", monthly.closed());
        execution.setVariable("onTimeCount", monthly.onTime());
        execution.setVariable("onTimeRate", monthly.onTimeRate() == null ? "无结案" : Math.round(monthly.onTimeRate() * 100) + "%");
        execution.setVariable("byIpType", lines(monthly.byIpType(), code -> IpCaseApplication.IpType.valueOf(code).label));
        execution.setVariable("byChannel", lines(monthly.byChannel(), IpStatistics::channelLabel));
        execution.setVariable("byOutcome", lines(monthly.byOutcome(), code -> code));
    }

    static String channelLabel(String code) {
        return code.equals("NOT_ACCEPTED") ? "不予受理" : IpOutcomes.channel(code);
    }

    private static String lines(Map<String, Long> counts, Function<String, String> label) {
        return counts.isEmpty() ? "无" : counts.entrySet().stream().map(e -> label.apply(e.getKey()) + " " + e.getValue() + " 件")
                .collect(Collectors.joining("；"));
    }

    private static Map<String, Long> count(List<IpCaseOutcome> cases, Function<IpCaseOutcome, String> key) {
        return cases.stream().collect(Collectors.groupingBy(key, TreeMap::new, Collectors.counting()));
    }
}
