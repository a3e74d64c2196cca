/**
 * Process: IP protection one-stop cases (知识产权保护一站式协作, DOMAIN.md §4): intake, acceptance,
 * triage and closure ({@code ip-protection-case.bpmn}) and one channel per call activity
 * ({@code ip-consultation}, {@code ip-mediation}, {@code ip-enforcement}, {@code ip-adjudication},
 * {@code ip-criminal-transfer}, {@code ip-litigation-guidance}). Uses the kernel; no kernel module may use it.
 */
@ApplicationModule(displayName = "IP protection case",
        allowedDependencies = {"calendar", "casefile", "engine", "form", "security", "department", "document"})
package cn.parkflow.ipcase;

import org.springframework.modulith.ApplicationModule;
