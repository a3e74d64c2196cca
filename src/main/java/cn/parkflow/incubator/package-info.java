/**
 * Process: incubator certification, annual evaluation and change report. Uses the kernel; no
 * kernel module may use it.
 */
@ApplicationModule(displayName = "Incubator", allowedDependencies = {"calendar", "casefile", "document", "figure", "form", "security"})
package cn.parkflow.incubator;

import org.springframework.modulith.ApplicationModule;
