/**
 * Kernel: the mail port, templates, outbox, the redirect-all switch and the deadline reminders
 * of every user task (their times count working days, hence the calendar).
 */
@ApplicationModule(displayName = "Notification", allowedDependencies = {"calendar", "casefile", "department", "engine", "security"})
package cn.parkflow.notification;

import org.springframework.modulith.ApplicationModule;
