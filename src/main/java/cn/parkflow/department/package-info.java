/**
 * Kernel: the directory of departments (= Camunda groups) and roles, and routing helpers.
 */
@ApplicationModule(displayName = "Departments", allowedDependencies = {})
package cn.parkflow.department;

import org.springframework.modulith.ApplicationModule;
