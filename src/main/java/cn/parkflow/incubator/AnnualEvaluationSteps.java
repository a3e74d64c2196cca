package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.SubmissionRefused;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Steps of incubator-annual-evaluation: {@code ${annualEvaluationSteps.open(execution)}} and so on. */
@Component("annualEvaluationSteps")
public class AnnualEvaluationSteps { // public: called from expressions

    private final CertificateRegister register;
    private final CaseFile caseFile;

    AnnualEvaluationSteps(CertificateRegister register, CaseFile caseFile) {
        this.register = register;
        this.caseFile = caseFile;
    }

    /** Process start: opens the evaluation case and works out when re-application is due. */
    public void open(DelegateExecution execution) {
        String number = (String) execution.getVariable(CERTIFICATE_NUMBER);
        Certificate certificate = register.find(number)
                .orElseThrow(() -> new SubmissionRefused("年度绩效评价", List.of("认定证书编号：证书不存在：" + number)));
        Object year = execution.getVariable(EVALUATION_YEAR);
        String caseNumber = caseFile.open(new NewCase(IncubatorCertificationProcess.CASE_TYPE,
                "年度绩效评价（" + year + "年度）：" + certificate.incubatorName(), certificate.applicantUser(),
                certificate.operatorName(), "stc"), CaseFile.SYSTEM).number();
        execution.setProcessBusinessKey(caseNumber);
        LocalDate today = EngineClock.today();
        execution.setVariable(IncubatorCertificationProcess.CASE_NUMBER, caseNumber);
        execution.setVariable(IncubatorCertificationProcess.APPLICANT, certificate.applicantUser());
        execution.setVariable("incubatorName", certificate.incubatorName());
        execution.setVariable("operatorName", certificate.operatorName());
        execution.setVariable(IncubatorCertificationProcess.CERTIFICATE_VALID_UNTIL, certificate.validUntil().toString());
        // the next round comes a year from now: a certificate ending before then gets its notice now
        execution.setVariable("certificateExpiring", certificate.validUntil().isBefore(today.plusYears(1)));
        execution.setVariable("reapplicationNoticeAt", Date.from(certificate.validUntil().minusMonths(3)
                .atTime(9, 0).atZone(EngineClock.ZONE).toInstant()));
    }

    public void gradeMissing(DelegateExecution execution) {
        execution.setVariable(GRADE, "D");
        execution.setVariable("reviewOpinion", "逾期未报送年度绩效评价材料，按D级处理");
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "GRADED", "按未报送评为D",
                "逾期未报送，评价等级 D");
    }

    public void recordGrade(DelegateExecution execution) {
        register.recordGrade((String) execution.getVariable(CERTIFICATE_NUMBER),
                ((Number) execution.getVariable(EVALUATION_YEAR)).intValue(), (String) execution.getVariable(GRADE));
    }

    public void revoke(DelegateExecution execution) {
        register.revoke((String) execution.getVariable(CERTIFICATE_NUMBER), "连续两年年度绩效评价为D（不合格），撤销认定",
                false, execution.getProcessBusinessKey(), EngineClock.today());
    }

    public void close(DelegateExecution execution) {
        caseFile.close(execution.getProcessBusinessKey(), IncubatorCase.limit("评价等级 " + execution.getVariable(GRADE)
                + "：" + execution.getVariable("consequenceExplanation")), CaseFile.SYSTEM);
    }
}
