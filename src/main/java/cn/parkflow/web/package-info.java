/**
 * Kernel: how our REST API answers bad input (RFC 9457 problem details); the sentence of a refused submission comes from {@code form}.
 */
@ApplicationModule(displayName = "Web", allowedDependencies = {"engine", "form"})
package cn.parkflow.web;

import org.springframework.modulith.ApplicationModule;
