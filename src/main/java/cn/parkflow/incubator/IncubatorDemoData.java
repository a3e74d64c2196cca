package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Demo profile, first start only (no incubator case yet): four example cases at different stages. */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 30)
class IncubatorDemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(IncubatorDemoData.class);

    private final CaseFile caseFile;
    private final DemoCases demo;

    IncubatorDemoData(CaseFile caseFile, RuntimeService runtimeService, CertificateRegister register,
                      AnnualEvaluations evaluations) {
        this.caseFile = caseFile;
        this.demo = new DemoCases(runtimeService, caseFile, register, evaluations);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!caseFile.search(new CaseQuery(IncubatorCertificationProcess.CASE_TYPE, null, null, null, 0, 1)).isEmpty()) {
            return;
        }
        log.info("Incubator demo cases: {} (形式审查), {} (专家评审), {} (公示中), {} (年度评价待报送)",
                demo.awaitingFormalCheck(), demo.inExpertReview(), demo.inPublicNotice(),
                demo.certifiedWithEvaluationDue().number());
    }
}
