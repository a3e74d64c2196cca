package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.calendar.EngineClock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Service-task expression {@code ${incubatorCertificates.issue(execution)}}. */
@Component("incubatorCertificates")
public class IncubatorCertificates { // public: expressions (JUEL) call public methods of public classes only

    private final CertificateRegister register;

    IncubatorCertificates(CertificateRegister register) {
        this.register = register;
    }

    public void issue(DelegateExecution execution) {
        String requested = (String) execution.getVariable("requestedTrack");
        // an upgrade is a certification as a high-quality incubator
        String track = "UPGRADE".equals(requested) ? "HIGH_QUALITY" : requested;
        Certificate certificate = register.issue(new Certificate(null, execution.getProcessBusinessKey(),
                (String) execution.getVariable("incubatorName"), (String) execution.getVariable("operatorName"),
                (String) execution.getVariable("creditCode"), track, (String) execution.getVariable("address"),
                (String) execution.getVariable(APPLICANT), null, null, null, null), EngineClock.today());
        execution.setVariable(CERTIFICATE_NUMBER, certificate.number());
        execution.setVariable(CERTIFICATE_VALID_FROM, certificate.validFrom().toString());
        execution.setVariable(CERTIFICATE_VALID_UNTIL, certificate.validUntil().toString());
        execution.setVariable("certifiedTrack", track);
    }
}
