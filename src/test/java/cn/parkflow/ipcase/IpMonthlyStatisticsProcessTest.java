package cn.parkflow.ipcase;

import static org.assertj.core.api.Assertions.assertThat;

import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;

import cn.parkflow.casefile.IssuedFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.document.TestDocuments;
import java.time.LocalDate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.mockito.ArgumentCaptor;
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
                .containsEntry("byChannel", "行政执法 1 件；人民调解 1 件")
                .containsEntry("mailDocument", "ipcase-monthly-statistics").containsEntry("mailAttachDocument", true));
        // and the report is a numbered PDF of amr, kept with a report case of its own, with the same figures
        ArgumentCaptor<NewCase> report = ArgumentCaptor.forClass(NewCase.class);
        verify(caseFile).open(report.capture(), eq("system"));
        assertThat(report.getValue().type()).isEqualTo("IPSTAT");
        assertThat(report.getValue().title()).isEqualTo("知识产权保护工作统计月报（2026年9月）");
        IssuedFile pdf = documents.the("ipcase-monthly-statistics");
        assertThat(pdf.documentNumber()).isEqualTo("闵市监知统〔2026〕1号");
        assertThat(TestDocuments.text(pdf.content())).contains("2026年9月知识产权保护工作统计月报", "共办结案件2件",
                "在办结期限内办结1件", "按期办结率50%", "著作权1", "商标1", "行政执法1", "人民调解1", "E01行政处罚1",
                "M01人民调解达成协议1", "上海市闵行区市场监督管理局", "二〇二六年十月八日");
    }
}
