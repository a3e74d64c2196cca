/**
 * Kernel: Camunda wiring only (plugins, defaults, deployment); uses no other module.
 */
@ApplicationModule(displayName = "Engine wiring", allowedDependencies = {})
package cn.parkflow.engine;

import org.springframework.modulith.ApplicationModule;
