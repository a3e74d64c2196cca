/**
 * Kernel: the case record shared by all processes: number, status, parties, documents (kinds
 * declared by each process, see {@link cn.parkflow.casefile.DocumentKinds}), audit, the retention
 * of closed cases ({@link cn.parkflow.casefile.CaseRetention}) and the case number in request logs.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"department", "engine", "security"})
package cn.parkflow.casefile;

import org.springframework.modulith.ApplicationModule;
