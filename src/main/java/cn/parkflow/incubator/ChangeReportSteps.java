package cn.parkflow.incubator;

import static cn.parkflow.incubator.AnnualEvaluationProcess.CERTIFICATE_NUMBER;
import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NewCase;
import cn.parkflow.form.RequiredAnswers;
import cn.parkflow.form.SubmissionRefused;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Steps of incubator-change-report (第十五条: a change of name, operator, area or site is reported
 * within 3 months). The start form's rules are checked here, with the certificate's owner.
 */
@Component
class ChangeReportSteps {

    private static final Map<String, String[]> NEW_VALUE = Map.of(
            "NAME", new String[] {"newIncubatorName", "变更后的孵化器名称"},
            "OPERATOR", new String[] {"newOperatorName", "变更后的运营机构"},
            "AREA", new String[] {"newArea", "变更后的孵化场地面积"},
            "SITE", new String[] {"newAddress", "变更后的场地地址"});

    /** 第十五条: a change is reported within 3 months. */
    static final int REPORT_WITHIN_MONTHS = 3;
    static final String REPORT_DUE_ON = "reportDueOn";
    static final String LATE_REPORT = "lateReport";

    private static final Map<String, String> CHANGE_LABELS = Map.of(
            "NAME", "孵化器名称", "OPERATOR", "运营机构", "AREA", "孵化场地面积", "SITE", "孵化场地地址");

    private final CertificateRegister register;
    private final CaseFile caseFile;
    ChangeReportSteps(CertificateRegister register, CaseFile caseFile) {
        this.register = register;
        this.caseFile = caseFile;
    }

    /** Process start, after the kernel checked the start form: the certificate's owner, the new value, the date; opens the case. */
    void open(DelegateExecution execution) {
        Map<String, Object> v = execution.getVariables();
        List<String> errors = new ArrayList<>();
        String applicant = (String) v.get(APPLICANT);
        Certificate certificate = register.find(String.valueOf(v.get(CERTIFICATE_NUMBER))).orElse(null);
        if (certificate == null || !certificate.isValidOn(EngineClock.today())) {
            errors.add("认定证书编号：没有有效的认定证书 " + v.get(CERTIFICATE_NUMBER));
        } else if (applicant != null && !applicant.equals(certificate.applicantUser())) {
            errors.add("认定证书编号：只有证书持有单位可以报告变更");
        }
        String[] newValue = NEW_VALUE.get(String.valueOf(v.get("changeType")));
        if (newValue != null && RequiredAnswers.isBlank(v.get(newValue[0]))) {
            errors.add(newValue[1] + "：必填");
        }
        if ("AREA".equals(v.get("changeType")) && !RequiredAnswers.isBlank(v.get("newArea"))
                && !(area(v.get("newArea")) > 0)) {
            errors.add("变更后的孵化场地面积：应为大于0的数字（平方米）");
        }
        LocalDate changeDate = date(v.get("changeDate"), errors);
        if (!errors.isEmpty()) {
            throw new SubmissionRefused("认定事项变更报告", errors);
        }
        String number = caseFile.open(new NewCase(CASE_TYPE, "认定事项变更报告：" + certificate.incubatorName(),
                applicant, certificate.operatorName(), "stc"), applicant == null ? CaseFile.SYSTEM : applicant).number();
        execution.setProcessBusinessKey(number);
        execution.setVariable(CASE_NUMBER, number);
        execution.setVariable("incubatorName", certificate.incubatorName());
        execution.setVariable("operatorName", certificate.operatorName());
        LocalDate dueOn = changeDate.plusMonths(REPORT_WITHIN_MONTHS);
        boolean late = dueOn.isBefore(EngineClock.today());
        execution.setVariable(REPORT_DUE_ON, dueOn.toString());
        execution.setVariable(LATE_REPORT, late ? "是：超过变更后3个月才报告" : "否");
        // the case's audit trail keeps the lateness (第十五条), whatever the review decides
        caseFile.record(number, applicant == null ? CaseFile.SYSTEM : applicant,
                late ? "CHANGE_REPORTED_LATE" : "CHANGE_REPORTED", late ? "逾期报告认定事项变更" : "报告认定事项变更",
                "变更事项：" + CHANGE_LABELS.getOrDefault(String.valueOf(v.get("changeType")), "其他") + "；变更日期 "
                        + changeDate + "；应于 " + dueOn + " 前报告；" + (late ? "逾期报告" : "按期报告")
                        + "（报告日期 " + EngineClock.today() + "）");
    }

    void applyChange(DelegateExecution execution) {
        String type = (String) execution.getVariable("changeType");
        register.applyChange((String) execution.getVariable(CERTIFICATE_NUMBER),
                "NAME".equals(type) ? (String) execution.getVariable("newIncubatorName") : null,
                "OPERATOR".equals(type) ? (String) execution.getVariable("newOperatorName") : null,
                "SITE".equals(type) ? (String) execution.getVariable("newAddress") : null,
                "AREA".equals(type) ? area(execution.getVariable("newArea")) : null,
                execution.getProcessBusinessKey());
        execution.setVariable(OUTCOME, "变更已登记，仍符合认定条件");
    }

    void revoke(DelegateExecution execution) {
        boolean fraud = Boolean.TRUE.equals(execution.getVariable("fraudConfirmed"));
        String reason = (String) execution.getVariable("revocationReason");
        register.revoke((String) execution.getVariable(CERTIFICATE_NUMBER), reason, fraud,
                execution.getProcessBusinessKey(), EngineClock.today());
        execution.setVariable(OUTCOME, "撤销认定：" + reason + (fraud ? "（弄虚作假，2年内不得再次申请）" : ""));
    }

    void close(DelegateExecution execution) {
        caseFile.close(execution.getProcessBusinessKey(), (String) execution.getVariable(OUTCOME),
                CaseFile.SYSTEM);
    }

    /** m² as the start form sends it (a number), or as text through the engine's REST API; NaN when neither. */
    private static Double area(Object value) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        try {
            return Double.valueOf(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static LocalDate date(Object value, List<String> errors) {
        try {
            LocalDate date = LocalDate.parse(String.valueOf(value));
            if (date.isAfter(EngineClock.today())) {
                errors.add("变更日期：不能晚于今天");
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add("变更日期：应为日期（如 2026-03-01）");
            return null;
        }
    }
}
