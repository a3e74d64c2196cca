package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service step {@code ${issueIncubatorCertificate}}: the certificate goes into the register. */
@Component
class IncubatorCertificates {

    private final CertificateRegister register;

    IncubatorCertificates(CertificateRegister register) {
        this.register = register;
    }

    void issue(DelegateExecution execution) {
        // the track applied for, reviewed and approved; the reachable track of the pre-check only says
        // whether it is covered (HIGH_QUALITY covers all), so it never replaces it
        String track = (String) execution.getVariable(REQUESTED_TRACK);
        Certificate certificate = register.issue(new Certificate(null, execution.getProcessBusinessKey(),
                (String) execution.getVariable("incubatorName"), (String) execution.getVariable("operatorName"),
                (String) execution.getVariable("creditCode"), track, (String) execution.getVariable("address"),
                certifiedArea(execution),
                (String) execution.getVariable(APPLICANT), null, null, null, null), EngineClock.today());
        execution.setVariable(CERTIFICATE_NUMBER, certificate.number());
        execution.setVariable(CERTIFICATE_VALID_FROM, certificate.validFrom().toString());
        execution.setVariable(CERTIFICATE_VALID_UNTIL, certificate.validUntil().toString());
        execution.setVariable(CERTIFIED_TRACK, track);
        execution.setVariable(CERTIFIED_TRACK_LABEL, certificate.trackLabel());
    }

    /** The area the site inspection verified, else the one applied for (m²). */
    private static Double certifiedArea(DelegateExecution execution) {
        Object verified = execution.getVariable("verifiedArea");
        Object area = verified instanceof Number ? verified : execution.getVariable("area");
        return area instanceof Number number ? number.doubleValue() : null;
    }
}
