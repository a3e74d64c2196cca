package cn.parkflow.department;

import static org.assertj.core.api.Assertions.assertThat;

import cn.parkflow.support.PostgresApplicationTest;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class GroupSynchronizerTest extends PostgresApplicationTest {

    @Autowired
    GroupSynchronizer synchronizer;
    @Autowired
    IdentityService identityService;

    @Test
    void shouldCreateEveryDepartmentAndRoleGroupAtStart() {
        Group station = identityService.createGroupQuery().groupId("ip-station").singleResult();

        assertThat(station.getName()).isEqualTo("大零号湾知识产权维权援助工作站");
        assertThat(identityService.createGroupQuery().groupType(GroupSynchronizer.DEPARTMENT_TYPE).list())
                .extracting(Group::getId).contains("stc", "supervision", "amr", "mhedz");
        assertThat(identityService.createGroupQuery().groupId(Roles.EXPERTS).count()).isOne();
        assertThat(identityService.createGroupQuery().groupId(Roles.APPLICANTS).count()).isOne();
        assertThat(identityService.createUserQuery().memberOfGroup(Roles.ADMINS).count()).isPositive();
        assertThat(identityService.createGroupQuery().groupId(Roles.ADMINS).singleResult().getName()).isEqualTo("系统管理员");
    }

    @Test
    void shouldBeIdempotentRestoreNamesAndReportButKeepOrphanedDepartments() {
        synchronizer.synchronize();
        Group renamed = identityService.createGroupQuery().groupId("econ").singleResult();
        renamed.setName("旧名称");
        identityService.saveGroup(renamed);
        Group orphan = identityService.newGroup("retired-dept");
        orphan.setName("已撤销部门");
        orphan.setType(GroupSynchronizer.DEPARTMENT_TYPE);
        identityService.saveGroup(orphan);
        long groupsBefore = identityService.createGroupQuery().count();

        try {
            GroupSynchronizer.SyncReport report = synchronizer.synchronize();

            assertThat(report.created()).isEmpty();
            assertThat(report.renamed()).containsExactly("econ");
            assertThat(report.orphaned()).contains("retired-dept");
            assertThat(identityService.createGroupQuery().groupId("econ").singleResult().getName()).isEqualTo("区经委");
            assertThat(identityService.createGroupQuery().count()).isEqualTo(groupsBefore);
            assertThat(synchronizer.synchronize().renamed()).isEmpty();
        } finally {
            // the classes after this one in the JVM share the identities: no made-up department left
            identityService.deleteGroup("retired-dept");
        }
    }
}
