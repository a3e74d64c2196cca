package cn.parkflow.security;

import cn.parkflow.department.Roles;
import java.lang.reflect.Field;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.TaskQueryImpl;
import org.camunda.bpm.engine.impl.cmd.*;
import org.camunda.bpm.engine.impl.cmd.batch.CorrelateAllMessageBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.DeleteProcessInstanceBatchCmd;
import org.camunda.bpm.engine.impl.cmd.batch.variables.SetVariablesToProcessInstancesBatchCmd;
import org.camunda.bpm.engine.impl.migration.AbstractMigrationCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * What a caller who is not an admin may not do in the engine, whichever path reached it (engine
 * REST, the webapps, our API, a message, a future plugin). Only the outermost command of a call is
 * checked: what runs inside it (listeners, delegates) is the server's own work. Calls without an
 * authenticated user (jobs, start-up, demo data) are the server's too.
 */
class CallerCommandPolicy extends CommandInterceptor {

    static final String NOT_FROM_AN_ACTIVITY = "流程只能从开始事件发起，不能指定从哪个环节开始。";
    static final String ADMINS_ONLY = "只有系统管理员可以修改、重启、迁移或删除流程实例，或触发消息和信号。";
    static final String VARIABLES_BY_FORM = "流程数据只能在办理本人任务时随表单提交，不能单独修改。";
    static final String OWN_TASKS_ONLY = "只能对本人办理的任务添加意见或附件。";
    static final String NO_QUERY_EXPRESSIONS = "查询条件中不允许使用表达式。";
    static final String CHOSEN_KEY = "案件编号由系统分配，发起时不能指定业务编号（businessKey）。";
    static final String OWN_CLAIMS_ONLY =
            "任务只能由本人领取或放弃；交给他人办理请使用「转办」或「委派」，由系统核对部门并留痕。";

    private static final List<Class<?>> ADMIN_COMMANDS = List.of(
            ModifyProcessInstanceCmd.class, ModifyProcessInstanceAsyncCmd.class, AbstractModificationCmd.class,
            AbstractRestartProcessInstanceCmd.class, AbstractMigrationCmd.class, AbstractInstanceCancellationCmd.class,
            AbstractDeleteProcessInstanceCmd.class, DeleteProcessInstanceBatchCmd.class,
            AbstractCorrelateMessageCmd.class, CorrelateAllMessageBatchCmd.class, MessageEventReceivedCmd.class,
            SignalCmd.class, SignalEventReceivedCmd.class);
    /** Handing a task to someone else goes through the kernel's 转办 and 委派 (package approval), which check and audit it. */
    private static final List<Class<?>> HANDOVERS = List.of(
            DelegateTaskCmd.class, ResolveTaskCmd.class, SetTaskOwnerCmd.class);
    private static final List<Class<?>> VARIABLE_WRITES = List.of(
            AbstractSetVariableCmd.class, AbstractRemoveVariableCmd.class, AbstractPatchVariablesCmd.class,
            SetVariablesToProcessInstancesBatchCmd.class);
    private static final List<Class<?>> NOTE_CHANGES = List.of(
            UpdateCommentCmd.class, DeleteTaskCommentCmd.class, DeleteProcessInstanceCommentCmd.class,
            SaveAttachmentCmd.class, DeleteAttachmentCmd.class);

    private final IdentityService identityService;

    CallerCommandPolicy(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Override
    public <T> T execute(Command<T> command) {
        Authentication caller = identityService.getCurrentAuthentication();
        if (Context.getCommandContext() == null && caller != null && !isAdmin(caller)
                && !(command instanceof CallerWorksTask)) {
            check(command, caller);
        }
        return next.execute(command);
    }

    static boolean isAdmin(Authentication caller) {
        return caller.getGroupIds() != null && caller.getGroupIds().contains(Roles.ADMINS);
    }

    private void check(Command<?> command, Authentication caller) {
        if (command instanceof StartProcessInstanceAtActivitiesCmd) {
            throw refused(caller, NOT_FROM_AN_ACTIVITY);
        }
        if (!isBlank(chosenBusinessKey(command))) {
            throw refused(caller, CHOSEN_KEY);
        }
        if (isA(command, ADMIN_COMMANDS)) {
            throw refused(caller, ADMINS_ONLY);
        }
        if (isA(command, HANDOVERS) || assignsSomeoneElse(command, caller)) {
            throw refused(caller, OWN_CLAIMS_ONLY);
        }
        if (isA(command, VARIABLE_WRITES)) {
            throw refused(caller, VARIABLES_BY_FORM);
        }
        if (isA(command, NOTE_CHANGES)) {
            throw refused(caller, OWN_TASKS_ONLY);
        }
        if (command instanceof AddCommentCmd || command instanceof CreateAttachmentCmd) {
            String taskId = (String) field(command, "taskId");
            if (taskId == null || !next.execute(new CallerWorksTask(taskId, caller))) {
                throw refused(caller, OWN_TASKS_ONLY);
            }
        }
        Object query = command instanceof AbstractExecuteFilterCmd ? field(command, "extendingQuery") : command;
        if (query instanceof AbstractQuery<?, ?> sent && hasExpressions(sent)) {
            throw new BadUserRequestException(NO_QUERY_EXPRESSIONS);
        }
    }

    /** A claim or an assignment naming another user than the caller (null unclaims: allowed). */
    private static boolean assignsSomeoneElse(Command<?> command, Authentication caller) {
        String assignee = command instanceof ClaimTaskCmd || command instanceof AssignTaskCmd
                ? (String) field(command, "userId") : null;
        return assignee != null && !assignee.equals(caller.getUserId());
    }

    /** The business key a start names, if the command is a caller's start (the server's own starts are nested). */
    private static String chosenBusinessKey(Command<?> command) {
        if (command instanceof StartProcessInstanceCmd) {
            return ((ProcessInstantiationBuilderImpl) field(command, "instantiationBuilder")).getBusinessKey();
        }
        return command instanceof SubmitStartFormCmd ? (String) field(command, "businessKey") : null;
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }

    private static boolean hasExpressions(AbstractQuery<?, ?> query) {
        if (!query.getExpressions().isEmpty()) {
            return true;
        }
        return query instanceof TaskQueryImpl task
                && task.getQueries().stream().anyMatch(or -> !or.getExpressions().isEmpty());
    }

    private static boolean isA(Command<?> command, List<Class<?>> kinds) {
        return kinds.stream().anyMatch(kind -> kind.isInstance(command));
    }

    private static AuthorizationException refused(Authentication caller, String reason) {
        return new AuthorizationException(reason + "（用户 " + caller.getUserId() + "）");
    }

    /** Camunda's commands keep these fields protected and offer no getter. */
    private static Object field(Object target, String name) {
        for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
            try {
                Field field = type.getDeclaredField(name);
                field.setAccessible(true);
                return field.get(target);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(target.getClass().getName() + " has no field " + name);
    }
}
