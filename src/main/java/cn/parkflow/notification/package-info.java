/**
 * Kernel: the mail port, templates, outbox and the redirect-all switch.
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"casefile", "department", "engine", "security"})
package cn.parkflow.notification;

import org.springframework.modulith.ApplicationModule;
