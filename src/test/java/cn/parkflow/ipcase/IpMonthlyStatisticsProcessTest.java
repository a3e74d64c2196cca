package cn.parkflow.ipcase;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The monthly statistics go out on the first working day of the month: in October 2026 that is Thu
 * 10-08 (10-01..10-07 国庆), so the daily timer on 10-07 sends nothing and on 10-08 mails September's
 * figures to amr and justice.
 */
class IpMonthlyStatisticsProcessTest extends IpProcessSupport {

    @RegisterExtension
    static ProcessEngineExtension extension = newEngineExtension();

    @Override
    protected ProcessEngineExtension extension() {
        return extension;
    }

    private void fireDailyTimerAt(String shanghaiLocal) {
        ClockUtil.setCurrentTime(at(shanghaiLocal));
        Job timer = engine.getManagementService().createJobQuery().processDefinitionKey("ip-monthly-statistics").timers()
                .singleResult();
        engine.getManagementService().executeJob(timer.getId());
        runAsyncJobs();
    }

    @Test
    void shouldMailLastMonthsFiguresOnTheFirstWorkingDayOnly() {
        // given: two cases closed in September (09-01, 09-30) and one on 10-02
        closed.add(new IpCaseOutcome("IP-2026-0101", "TRADEMARK", "ENFORCEMENT", "E01", "ENFORCED", LocalDate.of(2026, 8, 3),
                LocalDate.of(2026, 9, 1), 20, true, "SATISFIED"));
        closed.add(new IpCaseOutcome("IP-2026-0102", "COPYRIGHT", "MEDIATION", "M01", "RESOLVED", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 9, 30), 21, false, "NEUTRAL"));
        closed.add(new IpCaseOutcome("IP-2026-0103", "COPYRIGHT", "MEDIATION", "M03", "NOT_RESOLVED", LocalDate.of(2026, 9, 1),
                LocalDate.of(2026, 10, 2), 21, true, null));

        // when: 10-07 is still 国庆
        fireDailyTimerAt("2026-10-07T08:30:00");

        // then
        assertThat(mail.withTemplate("ip-monthly-statistics")).isEmpty();

        // when: 10-08, the first working day
        fireDailyTimerAt("2026-10-08T08:30:00");

        // then: September only: two cases, one on time
        assertThat(mail.withTemplate("ip-monthly-statistics")).singleElement().satisfies(m -> assertThat(m)
                .containsEntry("mailTo", "amr,justice").containsEntry("statisticsMonth", "2026-09")
                .containsEntry("closedCount", 2).containsEntry("onTimeCount", 1).containsEntry("onTimeRate", "50%")
                .containsEntry("byIpType", "著作权 1 件；商标 1 件")
                .containsEntry("byChannel", "行政执法 1 件；人民调解 1 件"));
    }
}
