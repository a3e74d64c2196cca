package cn.parkflow.calendar;

import static cn.parkflow.calendar.StatutoryClockProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.department.DepartmentHeads;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/**
 * The steps of {@code statutory-clock.bpmn}: service steps ({@link StatutoryClockDelegates}) and the
 * approval's complete listener ({@code ${statutoryClockSteps.recordApprover(task)}}); one kernel call each.
 */
@Component("statutoryClockSteps")
public class StatutoryClockSteps { // public: expressions (JUEL) call public methods of public classes only

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StatutoryClock clock;
    private final CaseFile caseFile;
    private final DepartmentHeads heads;

    StatutoryClockSteps(StatutoryClock clock, CaseFile caseFile, DepartmentHeads heads) {
        this.clock = clock;
        this.caseFile = caseFile;
        this.heads = heads;
    }

    /**
     * Candidate group of the approval ({@code camunda:candidateGroups}): the declared group, or the
     * department holding the case when its head approves.
     */
    public String approvers(DelegateExecution execution) {
        String declared = (String) execution.getVariable(VAR_APPROVERS);
        if (!Boolean.TRUE.equals(execution.getVariable(VAR_HEAD_APPROVES))) {
            return declared;
        }
        String department = caseFile.get(execution.getProcessBusinessKey()).department();
        return department == null ? declared : department;
    }

    /** Assignee of the approval ({@code camunda:assignee}): the head of that department when its head approves, else none. */
    public String approver(DelegateExecution execution) {
        if (!Boolean.TRUE.equals(execution.getVariable(VAR_HEAD_APPROVES))) {
            return null;
        }
        return heads.headOf(approvers(execution)).orElse(null);
    }

    /** Ties the deadline timer to the clock, so pauses hold it and resumes and extensions move it. */
    void tieTimer(DelegateExecution execution) {
        clock.tie(execution.getProcessBusinessKey(), execution.getProcessInstanceId(), TIMER_DEADLINE);
    }

    /** The deadline came before the decision: the case is flagged overdue; the deadline goes into the mail. */
    void expire(DelegateExecution execution) {
        String caseNumber = execution.getProcessBusinessKey();
        ClockView view = clock.find(caseNumber).orElseThrow();
        execution.setVariable(VAR_DEADLINE, Date.from(view.currentDeadline()));
        caseFile.flagDeadlineExpired(caseNumber, CaseFile.SYSTEM, "法定时限（" + view.unit().describe(view.limit())
                + "）已于 " + SHOWN.format(view.currentDeadline().atZone(EngineClock.ZONE)) + " 届满，尚未作出决定；已红色督办");
    }

    /** Complete listener of the approval task: whoever decided is the approver. */
    public void recordApprover(DelegateTask task) {
        var authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        String approver = task.getAssignee() != null ? task.getAssignee()
                : authentication == null ? null : authentication.getUserId();
        task.setVariable(VAR_APPROVER, approver);
    }

    void extend(DelegateExecution execution) {
        clock.extend(execution.getProcessBusinessKey(), ((Number) execution.getVariable(VAR_DAYS)).intValue(),
                (String) execution.getVariable(VAR_REASON), (String) execution.getVariable(VAR_APPROVER));
    }

    /** A refusal leaves the clock as it was; the case records who refused and why. */
    void refuse(DelegateExecution execution) {
        caseFile.record(execution.getProcessBusinessKey(), (String) execution.getVariable(VAR_APPROVER),
                "DEADLINE_EXTENSION_REFUSED", null, "不同意延长法定时限：" + execution.getVariable(VAR_REASON));
    }
}
