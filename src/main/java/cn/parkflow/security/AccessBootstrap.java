package cn.parkflow.security;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.GroupSynchronizer;
import java.util.ArrayList;
import java.util.List;
import cn.parkflow.department.Roles;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** At every start: department groups, role grants and the shared Tasklist filters, in that order. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AccessBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccessBootstrap.class);

    private final GroupSynchronizer groups;
    private final AuthorizationBaseline grants;
    private final TasklistFilters filters;
    private final IdentityService identityService;
    private final DepartmentDirectory directory;

    AccessBootstrap(GroupSynchronizer groups, AuthorizationBaseline grants, TasklistFilters filters,
                    IdentityService identityService, DepartmentDirectory directory) {
        this.directory = directory;
        this.groups = groups;
        this.grants = grants;
        this.filters = filters;
        this.identityService = identityService;
    }

    @Override
    public void run(ApplicationArguments args) {
        groups.synchronize();
        grants.apply();
        List<String> departmentGroups = new ArrayList<>(directory.all().stream().map(Department::code).toList());
        departmentGroups.add(Roles.EXPERTS);
        filters.ensure(departmentGroups);
        if (identityService.createUserQuery().memberOfGroup(Roles.ADMINS).count() == 0) {
            log.error("Group '{}' has no member: nobody can administer Parkflow. Configure camunda.bpm.admin-user.",
                    Roles.ADMINS);
        }
    }
}
