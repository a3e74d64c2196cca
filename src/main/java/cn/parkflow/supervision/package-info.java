/**
 * Kernel: supervision (督查看板) across every process, read from the case record ({@code casefile}),
 * the statutory clocks ({@code calendar}), the departments and the engine's task tables: the
 * overview, the overdue list with 蓝/黄/红 colours, on-time rates from history, the case page and
 * their Excel exports. It knows no process, so a new process appears here without a change.
 */
@ApplicationModule(displayName = "Supervision",
        allowedDependencies = {"calendar", "casefile", "department", "figure", "form", "security"})
package cn.parkflow.supervision;

import org.springframework.modulith.ApplicationModule;
