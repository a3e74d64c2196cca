/**
 * Kernel: 我的案件 (/portal/), our own server-rendered pages with the webapps' login: a person's
 * cases with status, current step, department, deadline and next action, and a case page with its
 * timeline, documents and mails. Knows no process: stage names come from each process's
 * {@link cn.parkflow.casefile.CaseStages}.
 */
@ApplicationModule(displayName = "Portal", allowedDependencies = {"calendar", "casefile", "department", "notification", "security"})
package cn.parkflow.portal;

import org.springframework.modulith.ApplicationModule;
