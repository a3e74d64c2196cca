package cn.parkflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tls                 served over TLS: Secure cookies and HSTS
 * @param applicantProcesses  process definition keys an applicant may start
 * @param officerProcesses    per department, the process definition keys its officers may start on
 *                            behalf of someone without an account (e.g. ip-station for a walk-in)
 */
@ConfigurationProperties("parkflow.security")
record SecurityProperties(boolean tls, List<String> applicantProcesses, Map<String, List<String>> officerProcesses) {

    SecurityProperties {
        applicantProcesses = applicantProcesses == null ? List.of() : List.copyOf(applicantProcesses);
        officerProcesses = officerProcesses == null ? Map.of() : Map.copyOf(officerProcesses);
    }
}
