/**
 * Kernel: the case record shared by all processes: number, status, parties, documents (kinds
 * declared by each process, see {@link cn.parkflow.casefile.DocumentKinds}), audit.
 */
@ApplicationModule(displayName = "Case file", allowedDependencies = {"department", "engine", "security"})
package cn.parkflow.casefile;

import org.springframework.modulith.ApplicationModule;
