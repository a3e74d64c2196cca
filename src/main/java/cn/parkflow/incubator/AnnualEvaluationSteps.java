package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.calendar.Workdays;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.SubmissionRefused;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Steps of incubator-annual-evaluation: the service steps of {@link IncubatorDelegates} and the model's conditions ({@code ${annualEvaluationSteps.certificateInForce(execution)}}). */
@Component("annualEvaluationSteps")
public class AnnualEvaluationSteps { // public: conditions (JUEL) call public methods of public classes only

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final CertificateRegister register;
    private final CaseFile caseFile;
    private final Workdays workdays;
    private final HistoryService historyService;

    AnnualEvaluationSteps(CertificateRegister register, CaseFile caseFile, Workdays workdays,
                          HistoryService historyService) {
        this.register = register;
        this.caseFile = caseFile;
        this.workdays = workdays;
        this.historyService = historyService;
    }

    /** Process start: opens the evaluation case and works out when re-application is due. */
    void open(DelegateExecution execution) {
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
        execution.setVariable("certificateValidUntilText", DAY.format(certificate.validUntil()));
        ReapplicationNotice notice = ReapplicationNotice.of(certificate.validUntil());
        execution.setVariable(REAPPLICATION_NOTICE, notice.dueBeforeNextRound(today) && !noticedBefore(number));
        execution.setVariable(REAPPLICATION_NOTICE_AT, Date.from(notice.moment().toInstant()));
    }

    /** An earlier evaluation of the certificate has sent (or is waiting to send) the re-application notice. */
    private boolean noticedBefore(String certificateNumber) {
        return historyService.createHistoricProcessInstanceQuery().processDefinitionKey(KEY)
                .variableValueEquals(CERTIFICATE_NUMBER, certificateNumber)
                .variableValueEquals(REAPPLICATION_NOTICE, true).count() > 0;
    }

    /** Output of the filing-window mail: the deadline as the officer's form shows it. */
    public String dateTime(Date moment) {
        return DAY_TIME.format(moment.toInstant().atZone(EngineClock.ZONE));
    }

    /** After the officer decided to grade a missed filing D (Task_DecideMissedFiling). */
    void gradeMissing(DelegateExecution execution) {
        String opinion = (String) execution.getVariable(MISSED_FILING_OPINION);
        execution.setVariable(GRADE, "D");
        execution.setVariable("reviewOpinion", "逾期未报送年度绩效评价材料，经审核评为D：" + opinion);
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "GRADED", "按未报送评为D",
                "逾期未报送，评价等级 D：" + opinion);
    }

    /** After the officer granted a late filing: the filing task is open again until the new deadline, 17:30. */
    void grantLateFiling(DelegateExecution execution) {
        LocalDate day = LocalDate.parse((String) execution.getVariable(LATE_FILING_DEADLINE));
        // a day that is not a working day rolls to the next one, as every deadline does
        Date due = workdays.calendarDays(0, Date.from(day.atStartOfDay(EngineClock.ZONE).toInstant()));
        execution.setVariable(FILING_DUE_AT, due);
        execution.setVariable(FILING_DEADLINE, dateTime(due));
        caseFile.record(execution.getProcessBusinessKey(), CaseFile.SYSTEM, "LATE_FILING_GRANTED", "准予补报",
                "补报截止 " + dateTime(due) + "：" + execution.getVariable(MISSED_FILING_OPINION));
    }

    /** At the notice's moment: a certificate revoked in the meantime gets no notice. */
    public boolean certificateInForce(DelegateExecution execution) {
        return register.find((String) execution.getVariable(CERTIFICATE_NUMBER))
                .map(certificate -> Certificate.VALID.equals(certificate.status())).orElse(false);
    }

    void recordGrade(DelegateExecution execution) {
        register.recordGrade((String) execution.getVariable(CERTIFICATE_NUMBER),
                ((Number) execution.getVariable(EVALUATION_YEAR)).intValue(), (String) execution.getVariable(GRADE));
    }

    void revoke(DelegateExecution execution) {
        register.revoke((String) execution.getVariable(CERTIFICATE_NUMBER), "连续两年年度绩效评价为D（不合格），撤销认定",
                false, execution.getProcessBusinessKey(), EngineClock.today());
    }

    void close(DelegateExecution execution) {
        caseFile.close(execution.getProcessBusinessKey(), "评价等级 " + execution.getVariable(GRADE)
                + "：" + execution.getVariable("consequenceExplanation"), CaseFile.SYSTEM);
    }
}
