package cn.parkflow.security;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param tls                 served over TLS: Secure cookies and HSTS
 * @param applicantProcesses  process definition keys an applicant may start
 * @param departmentProcesses process definition keys the officers of a department may start in Tasklist,
 *                            by department code (e.g. stc starts the year's key-task list)
 */
@ConfigurationProperties("parkflow.security")
record SecurityProperties(boolean tls, List<String> applicantProcesses, Map<String, List<String>> departmentProcesses) {

    SecurityProperties {
        applicantProcesses = applicantProcesses == null ? List.of() : List.copyOf(applicantProcesses);
        departmentProcesses = departmentProcesses == null ? Map.of() : Map.copyOf(departmentProcesses);
    }
}
