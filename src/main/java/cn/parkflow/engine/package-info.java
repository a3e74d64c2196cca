/**
 * Kernel: Camunda wiring (plugins, defaults, deployment, the schema through Camunda's Liquibase
 * changelog, the history cleanup window) and the shared metrics plumbing; uses no other module.
 */
@ApplicationModule(displayName = "Engine wiring", allowedDependencies = {})
package cn.parkflow.engine;

import org.springframework.modulith.ApplicationModule;
