/**
 * Kernel: the working-day calendar and statutory clocks (pause, extend) of a case.
 */
@ApplicationModule(displayName = "Calendar", allowedDependencies = {"casefile", "engine", "security"})
package cn.parkflow.calendar;

import org.springframework.modulith.ApplicationModule;
