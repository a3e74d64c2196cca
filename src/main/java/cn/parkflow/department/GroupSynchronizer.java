package cn.parkflow.department;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda groups in step with the department directory: creates missing groups, renames
 * changed ones, and reports (never deletes) department groups no longer configured, because open
 * tasks may still be routed to them.
 */
@Component
public class GroupSynchronizer {

    static final String DEPARTMENT_TYPE = "department";
    static final String ROLE_TYPE = "role";
    private static final Map<String, String> ROLE_NAMES = Map.of(
            Roles.EXPERTS, "评审专家库",
            Roles.APPLICANTS, "申请人（企业、孵化器运营机构、高校团队、权利人）");
    private static final String ADMIN_GROUP_NAME = "系统管理员";
    private static final Logger log = LoggerFactory.getLogger(GroupSynchronizer.class);

    private final IdentityService identityService;
    private final DepartmentDirectory directory;

    GroupSynchronizer(IdentityService identityService, DepartmentDirectory directory) {
        this.identityService = identityService;
        this.directory = directory;
    }

    public SyncReport synchronize() {
        List<String> created = new ArrayList<>();
        List<String> renamed = new ArrayList<>();
        for (Department department : directory.all()) {
            upsert(department.code(), department.name(), DEPARTMENT_TYPE, created, renamed);
        }
        Roles.PURE_ROLE_GROUPS.forEach(role -> upsert(role, ROLE_NAMES.get(role), ROLE_TYPE, created, renamed));
        nameAdminGroup(renamed);
        List<String> orphaned = orphanedDepartmentGroups();
        orphaned.forEach(code -> log.warn("Department group '{}' is no longer configured; it is kept because "
                + "tasks may still be routed to it. Remove it in Admin once its work is done.", code));
        SyncReport report = new SyncReport(created, renamed, orphaned);
        log.info("Department groups synchronised: {}", report);
        return report;
    }

    private void upsert(String id, String name, String type, List<String> created, List<String> renamed) {
        Group group = identityService.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identityService.newGroup(id);
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            created.add(id);
        } else if (!name.equals(group.getName()) || !type.equals(group.getType())) {
            group.setName(name);
            group.setType(type);
            identityService.saveGroup(group);
            renamed.add(id);
        }
    }

    /** Camunda creates its admin group with an English name; Admin shows ours. Its type stays Camunda's. */
    private void nameAdminGroup(List<String> renamed) {
        Group admins = identityService.createGroupQuery().groupId(Roles.ADMINS).singleResult();
        if (admins != null && !ADMIN_GROUP_NAME.equals(admins.getName())) {
            admins.setName(ADMIN_GROUP_NAME);
            identityService.saveGroup(admins);
            renamed.add(Roles.ADMINS);
        }
    }

    private List<String> orphanedDepartmentGroups() {
        Set<String> configured = directory.all().stream().map(Department::code).collect(Collectors.toSet());
        return identityService.createGroupQuery().groupType(DEPARTMENT_TYPE).list().stream()
                .map(Group::getId)
                .filter(id -> !configured.contains(id))
                .sorted()
                .toList();
    }

    /** What one synchronisation changed; orphaned groups are left in place for an admin. */
    public record SyncReport(List<String> created, List<String> renamed, List<String> orphaned) {
    }
}
