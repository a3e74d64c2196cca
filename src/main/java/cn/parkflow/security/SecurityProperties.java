package cn.parkflow.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tls                 served over TLS: Secure cookies and HSTS
 * @param applicantProcesses  process definition keys an applicant may start
 * @param processStarters     process definition key to the departments (groups) whose officers may
 *                            start it, e.g. the universities' transfer offices for
 *                            achievement-conversion, stc for the year's key-task list; every other
 *                            officer may not
 * @param identityCacheTtl    how long an HTTP Basic caller's verified password and groups are reused
 *                            ({@link VerifiedIdentities}); 0 checks every request
 */
@ConfigurationProperties("parkflow.security")
record SecurityProperties(boolean tls, List<String> applicantProcesses, Map<String, List<String>> processStarters,
                          Duration identityCacheTtl) {

    SecurityProperties {
        applicantProcesses = applicantProcesses == null ? List.of() : List.copyOf(applicantProcesses);
        processStarters = processStarters == null ? Map.of() : Map.copyOf(processStarters);
        identityCacheTtl = identityCacheTtl == null ? Duration.ofSeconds(5) : identityCacheTtl;
    }
}
