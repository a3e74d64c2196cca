package cn.parkflow.security;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.Roles;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.stereotype.Component;

/**
 * The standing grants of each role (ISSUE: authorization matrix). Task grants for a department
 * come from the engine itself: a candidate group gets read and work permission on its tasks, an
 * assignee on the tasks assigned to them. Grants are added idempotently at every start.
 */
@Component
class AuthorizationBaseline {

    private static final String ANY = Authorization.ANY;

    private final AuthorizationService authorizations;
    private final DepartmentDirectory directory;
    private final SecurityProperties properties;

    AuthorizationBaseline(AuthorizationService authorizations, DepartmentDirectory directory,
                          SecurityProperties properties) {
        this.authorizations = authorizations;
        this.directory = directory;
        this.properties = properties;
    }

    void apply() {
        for (Department department : directory.all()) {
            if (!department.code().equals(Roles.SUPERVISION)) {
                grantOfficer(department.code());
            }
        }
        grantOfficer(Roles.EXPERTS);
        grantSupervisor(Roles.SUPERVISION);
        grantApplicant(Roles.APPLICANTS);
        properties.processStarters().forEach((key, groups) -> groups.forEach(group -> grantStarter(group, key)));
    }

    /**
     * Officers of a department that starts a process: a university's transfer office registering
     * leads, the IP workstation entering a walk-in's case, stc drafting the year's key-task list.
     */
    private void grantStarter(String group, String processKey) {
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        grant(group, Resources.PROCESS_DEFINITION, processKey, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }

    /** Officers and experts: Tasklist; process names for their task list; nothing else beyond their tasks. */
    private void grantOfficer(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ);
    }

    /** Supervisors: Tasklist and Cockpit, read everything, change nothing that is not theirs. */
    private void grantSupervisor(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
                ProcessDefinitionPermissions.READ_TASK_VARIABLE, ProcessDefinitionPermissions.READ_HISTORY_VARIABLE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(group, Resources.TASK, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
        grant(group, Resources.GROUP, ANY, Permissions.READ);
        grant(group, Resources.USER, ANY, Permissions.READ);
    }

    /** Applicants: Tasklist and the applicant-facing processes; their own tasks come from assignment. */
    private void grantApplicant(String group) {
        grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
        for (String key : properties.applicantProcesses()) {
            grant(group, Resources.PROCESS_DEFINITION, key, Permissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE);
        }
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization authorization = authorizations.createAuthorizationQuery()
                .authorizationType(AUTH_TYPE_GRANT).groupIdIn(group)
                .resourceType(resource).resourceId(resourceId).singleResult();
        if (authorization == null) {
            authorization = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            authorization.addPermission(permission);
        }
        authorizations.saveAuthorization(authorization);
    }
}
