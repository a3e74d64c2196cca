package cn.parkflow.approval;

import cn.parkflow.department.DepartmentDirectory;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.stereotype.Component;

/** Users and their departments, as the identity service knows them. */
@Component
class Colleagues {

    private final IdentityService identityService;
    private final DepartmentDirectory departments;
    private final AsServer asServer;

    Colleagues(IdentityService identityService, DepartmentDirectory departments, AsServer asServer) {
        this.identityService = identityService;
        this.departments = departments;
        this.asServer = asServer;
    }

    boolean exists(String userId) {
        return userId != null && asServer.call(() -> identityService.createUserQuery().userId(userId).count() == 1);
    }

    Set<String> groupsOf(String userId) {
        return asServer.call(() -> identityService.createGroupQuery().groupMember(userId).list().stream()
                .map(Group::getId).collect(Collectors.toUnmodifiableSet()));
    }

    /** The departments among the groups, e.g. {@code stc} of {@code [stc, applicants]}. */
    Set<String> departmentsAmong(Set<String> groups) {
        return groups.stream().filter(departments::exists).collect(Collectors.toUnmodifiableSet());
    }

    /** Every department, code to name, in the directory's order: where a case may be copied to. */
    Map<String, String> departments() {
        Map<String, String> all = new LinkedHashMap<>();
        departments.all().forEach(department -> all.put(department.code(), department.name()));
        return all;
    }

    String departmentName(String code) {
        return departments.find(code).map(department -> department.name()).orElse(code);
    }
}
