package cn.parkflow.security;

import cn.parkflow.department.Department;
import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.DepartmentHeads;
import cn.parkflow.department.Roles;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo profile only: one officer and one head (负责人) per department, a supervisor, seven experts (a panel of five with
 * room for conflicts of interest) and two applicants.
 * As in Camunda's own examples a demo user's password is its user id, which is why the demo
 * profile listens on the loopback interface only.
 */
@Component
@Profile("demo")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** More than the panel's five seats, so that a declared conflict of interest leaves a free expert. */
    static final int DEMO_EXPERTS = 7;

    private final IdentityService identityService;
    private final DepartmentDirectory directory;
    private final DepartmentHeads heads;
    private final String address;
    private final int port;

    DemoUsers(IdentityService identityService, DepartmentDirectory directory, DepartmentHeads heads,
              @Value("${server.address:localhost}") String address, @Value("${local.server.port:8080}") int port) {
        this.identityService = identityService;
        this.directory = directory;
        this.heads = heads;
        this.address = address;
        this.port = port;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> logins = new ArrayList<>();
        for (Department department : directory.all()) {
            if (!department.code().equals(Roles.SUPERVISION)) {
                logins.add(ensure(department.code() + "-officer", department.name(), "经办人", department.code()));
            }
        }
        logins.add(ensure("supervisor", "督查室", "督查员", Roles.SUPERVISION));
        for (Department department : directory.all()) {
            // each department's head (负责人): 督办单 are mailed to them (DOMAIN.md §7); an admin may name another
            String head = ensure(department.code() + "-head", department.name(), "负责人", department.code());
            if (heads.headOf(department.code()).isEmpty()) {
                heads.setHead(department.code(), head, "admin", java.time.Instant.now());
            }
        }
        logins.add("<部门代码>-head");
        for (int i = 1; i <= DEMO_EXPERTS; i++) {
            logins.add(ensure("expert" + i, "评审专家", String.valueOf(i), Roles.EXPERTS));
        }
        logins.add(ensure("applicant1", "闵行创新孵化器", "申请人", Roles.APPLICANTS));
        logins.add(ensure("applicant2", "零号湾科技", "申请人", Roles.APPLICANTS));
        logins.add("admin");
        log.info("""

                ==== Parkflow 园区案件管理 已启动: http://{}:{}/camunda ====
                演示账户（仅 demo 配置，密码与用户名相同）: {}
                """, address, port, String.join(", ", logins));
    }

    private String ensure(String id, String firstName, String lastName, String group) {
        if (identityService.createUserQuery().userId(id).count() == 0) {
            User user = identityService.newUser(id);
            user.setFirstName(firstName);
            user.setLastName(lastName);
            user.setEmail(id + "@parkflow.example");
            user.setPassword(id);
            identityService.saveUser(user);
            identityService.createMembership(id, group);
        }
        return id;
    }
}
