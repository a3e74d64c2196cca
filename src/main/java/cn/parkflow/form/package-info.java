/**
 * Kernel: the rules of every submitted form, checked on the server at every task completion and
 * every process start (the forms' own rules plus those a process declares), and the audit event
 * of every completed step.
 */
@ApplicationModule(displayName = "Form rules", allowedDependencies = {"casefile", "engine"})
package cn.parkflow.form;

import org.springframework.modulith.ApplicationModule;
