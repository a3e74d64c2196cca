package cn.parkflow.incubator;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile: at every start, a call for applications covering today if none is open (so the
 * start form and the REST API accept applications); at the first start only (no incubator case
 * yet), four example cases at different stages.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IncubatorDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncubatorDemoData.class);

    private final CaseFile caseFile;
    private final DemoCases demo;
    private final ApplicationWindows windows;

    IncubatorDemoData(CaseFile caseFile, RuntimeService runtimeService, CertificateRegister register,
                      AnnualEvaluations evaluations, ApplicationWindows windows, IncubatorClock clock) {
        this.caseFile = caseFile;
        this.windows = windows;
        this.demo = new DemoCases(runtimeService, caseFile, register, evaluations, clock);
    }

    @Override
    public void run(ApplicationArguments args) {
        openWindowCoveringToday();
        if (!caseFile.search(new CaseQuery(IncubatorCertificationProcess.CASE_TYPE, null, null, null, 0, 1)).isEmpty()) {
            return;
        }
        log.info("Incubator demo cases: {} (形式审查), {} (专家评审), {} (公示中), {} (年度评价待报送)",
                demo.awaitingFormalCheck(), demo.inExpertReview(), demo.inPublicNotice(),
                demo.certifiedWithEvaluationDue().number());
    }

    /** About three weeks from today (DOMAIN.md §3), ending before a window already announced. */
    private void openWindowCoveringToday() {
        LocalDate today = EngineClock.today();
        if (windows.refusalOn(today).isEmpty()) {
            return;
        }
        LocalDate closesOn = today.plusDays(20);
        for (ApplicationWindow announced : windows.all()) {
            if (announced.opensOn().isAfter(today) && !announced.opensOn().isAfter(closesOn)) {
                closesOn = announced.opensOn().minusDays(1);
            }
        }
        ApplicationWindow opened = windows.open(new NewApplicationWindow(
                today.getYear() + "年度高质量孵化器认定申报通知（演示）", today, closesOn), CaseFile.SYSTEM, today);
        log.info("Incubator demo call for applications: {} to {}", opened.opensOn(), opened.closesOn());
    }
}
