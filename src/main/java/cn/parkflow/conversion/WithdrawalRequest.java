package cn.parkflow.conversion;

import static cn.parkflow.conversion.AchievementConversionProcess.*;

import cn.parkflow.form.SubmissionRefused;
import cn.parkflow.security.CurrentUser;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Withdrawal from Tasklist ({@code achievement-conversion-withdrawal}, start listener and service
 * step): the same rules as {@code POST /api/conversion-projects/{case}/withdrawal}, for whoever
 * started it. A refusal names the case-number field and nothing starts; otherwise the instance
 * carries the case number as business key, and its step sends the project's withdrawal message.
 */
@Component("conversionWithdrawalRequest")
class WithdrawalRequest implements ExecutionListener {

    static final String PROCESS_KEY = "achievement-conversion-withdrawal";
    static final String REQUESTED_BY = "requestedBy";
    private static final String STEP = "撤回或终止成果转化项目";

    private final ConversionProjects projects;

    WithdrawalRequest(ConversionProjects projects) {
        this.projects = projects;
    }

    @Override
    public void notify(DelegateExecution execution) {
        String number = (String) execution.getVariable(CASE_NUMBER);
        String requestedBy = (String) execution.getVariable(REQUESTED_BY);
        if (requestedBy == null) {
            throw new SubmissionRefused(STEP, List.of("提出人：只能由登录用户在任务列表中提出"));
        }
        String withdrawnBy;
        try {
            withdrawnBy = projects.withdrawer(number, caller(execution, requestedBy));
        } catch (ErrorResponseException e) {
            throw new SubmissionRefused(STEP, List.of("项目案件编号：" + e.getBody().getDetail()));
        }
        execution.setProcessBusinessKey(number);
        execution.setVariable(WITHDRAWN_BY, withdrawnBy);
    }

    /** Service step {@code ${withdrawConversionProject}}: the project's withdrawal event closes it. */
    void withdraw(DelegateExecution execution) {
        projects.correlateWithdrawal(execution.getProcessBusinessKey(), (String) execution.getVariable(WITHDRAWAL_REASON),
                (String) execution.getVariable(WITHDRAWN_BY));
    }

    private static CurrentUser caller(DelegateExecution execution, String user) {
        IdentityService identity = execution.getProcessEngineServices().getIdentityService();
        // the starter's own groups, whatever the starter may read of the identity store
        Set<String> groups = AsServer.call(identity, () -> identity.createGroupQuery().groupMember(user).list().stream()
                .map(Group::getId).collect(Collectors.toSet()));
        return new CurrentUser(user, groups);
    }
}
