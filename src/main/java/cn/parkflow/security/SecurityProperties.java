package cn.parkflow.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tls                 served over TLS: Secure cookies and HSTS
 * @param applicantProcesses  process definition keys an applicant may start
 */
@ConfigurationProperties("parkflow.security")
record SecurityProperties(boolean tls, List<String> applicantProcesses) {

    SecurityProperties {
        applicantProcesses = applicantProcesses == null ? List.of() : List.copyOf(applicantProcesses);
    }
}
