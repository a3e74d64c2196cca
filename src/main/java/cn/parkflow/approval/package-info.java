/**
 * Kernel: the approval operations officers expect on a task (已办, 我发起的, 转办, 委派, 加签, 退回,
 * 撤回, 催办, 抄送, 审批意见), built on the engine's own mechanisms and run by the server on the
 * caller's behalf after the caller's permission is checked; each is audited on the case and mailed
 * to whom it concerns. A process only declares, on its steps ({@link cn.parkflow.approval.StepProperties}),
 * which steps a case may be returned to and which answer is the step's 审批意见.
 */
@ApplicationModule(displayName = "Approval actions",
        allowedDependencies = {"calendar", "casefile", "department", "engine", "form", "notification", "security"})
package cn.parkflow.approval;

import org.springframework.modulith.ApplicationModule;
