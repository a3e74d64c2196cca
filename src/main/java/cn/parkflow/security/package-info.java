/**
 * Kernel: authentication, authorization grants and hardening filters.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"department", "engine"})
package cn.parkflow.security;

import org.springframework.modulith.ApplicationModule;
