package cn.parkflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The Tasklist filters. What a filter lists is still limited by the user's authorizations. 我的任务
 * and 全部任务 are shared with everyone; 本部门待办 with the departments (and experts, supervision)
 * only, by authorization: an applicant has no department and does not see it. An officer opens
 * 本部门待办 first (the lowest priority is Tasklist's first filter). Every card shows the case
 * number, the applying organisation, the deadline and, for a seat of a panel, which seat
 * ({@code casefile.TaskCardVariables} and {@code notification.TaskDeadlineText}, worked out when read). Filters from an
 * earlier start are brought up to date.
 */
@Component
class TasklistFilters {

    private final FilterService filterService;
    private final TaskService taskService;
    private final AuthorizationService authorizations;

    TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizations) {
        this.filterService = filterService;
        this.taskService = taskService;
        this.authorizations = authorizations;
    }

    static final String DEPARTMENT_QUEUE = "本部门待办";

    /** The case's variables every card shows, in this order. */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", "caseNumber", "label", "案件编号"),
            Map.of("name", "caseApplicant", "label", "申请单位"),
            Map.of("name", "taskDeadline", "label", "期限"),
            Map.of("name", "taskSeat", "label", "席位"));

    /** {@code departmentGroups}: the groups that see 本部门待办 (departments, experts, supervision). */
    void ensure(Collection<String> departmentGroups) {
        ensure(DEPARTMENT_QUEUE, -20, "我所在部门（组）可领取的任务",
                taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}")
                        .includeAssignedTasks(), departmentGroups);
        ensure("我的任务", -10, "分配给我的任务", taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}"), null);
        ensure("全部任务", 10, "我有权查看的全部任务", taskService.createTaskQuery(), null);
    }

    /** {@code groups} null: every user reads the filter; else only these groups. */
    private void ensure(String name, int priority, String description, TaskQuery query, Collection<String> groups) {
        Map<String, Object> properties = Map.of("priority", priority, "description", description, "refresh", true,
                "variables", CARD_VARIABLES);
        Filter filter = filterService.createTaskFilterQuery().filterName(name).singleResult();
        if (filter == null) {
            filter = filterService.newTaskFilter(name).setQuery(query);
        }
        filterService.saveFilter(filter.setProperties(properties));
        String id = filter.getId();
        authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(id).list().stream()
                .filter(grant -> groups != null && Authorization.ANY.equals(grant.getUserId()))
                .forEach(grant -> authorizations.deleteAuthorization(grant.getId()));
        if (groups == null) {
            grant(id, Authorization.ANY, null);
        } else {
            groups.forEach(group -> grant(id, null, group));
        }
    }

    private void grant(String filterId, String userId, String groupId) {
        var existing = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId);
        if ((userId != null ? existing.userIdIn(userId) : existing.groupIdIn(groupId)).count() > 0) {
            return;
        }
        Authorization read = authorizations.createNewAuthorization(userId != null ? AUTH_TYPE_GLOBAL : AUTH_TYPE_GRANT);
        if (userId != null) {
            read.setUserId(userId);
        } else {
            read.setGroupId(groupId);
        }
        read.setResource(Resources.FILTER);
        read.setResourceId(filterId);
        read.addPermission(Permissions.READ);
        authorizations.saveAuthorization(read);
    }
}
