/**
 * Kernel: the case record shared by all processes: number, status, parties, documents, audit.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"department", "security"})
package cn.parkflow.casefile;

import org.springframework.modulith.ApplicationModule;
