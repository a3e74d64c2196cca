/**
 * Kernel: how our REST API answers bad input (RFC 9457 problem details); depends on no module.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {})
package cn.parkflow.web;

import org.springframework.modulith.ApplicationModule;
