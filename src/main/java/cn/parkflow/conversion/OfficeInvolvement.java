package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.CaseQuery;
import cn.parkflow.casefile.CaseRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At every start, the transfer office of each conversion project is involved in its case, so that
 * all its officers read it (kernel {@code CaseAccess}); projects registered since this rule do so at
 * registration ({@link LeadIntake}), this catches those registered before. Idempotent.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 41)
class OfficeInvolvement implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(OfficeInvolvement.class);
    /** Far more than the district registers (dozens of projects a year). */
    private static final int LIMIT = 10_000;

    private final CaseFile caseFile;
    private final ConversionProjects projects;

    OfficeInvolvement(CaseFile caseFile, ConversionProjects projects) {
        this.caseFile = caseFile;
        this.projects = projects;
    }

    @Override
    public void run(ApplicationArguments args) {
        int involved = 0;
        for (CaseRecord record : caseFile.search(new CaseQuery(CASE_TYPE, null, null, null, 0, LIMIT))) {
            Object institution = projects.trackedFields(record.number()).get(INSTITUTION);
            if (institution != null && !caseFile.involvedDepartments(record.number()).contains(institution.toString())) {
                caseFile.involve(record.number(), institution.toString());
                involved++;
            }
        }
        if (involved > 0) {
            log.info("Conversion projects: {} transfer office(s) involved in their cases", involved);
        }
    }
}
