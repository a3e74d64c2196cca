/**
 * Process: achievement-conversion tracking (成果转化项目跟踪服务, DOMAIN.md §5, issue 13). Uses the
 * kernel; no kernel module may use it.
 */
@ApplicationModule(displayName = "Conversion", allowedDependencies = {"calendar", "casefile", "department", "figure", "form", "security"})
package cn.parkflow.conversion;

import org.springframework.modulith.ApplicationModule;
