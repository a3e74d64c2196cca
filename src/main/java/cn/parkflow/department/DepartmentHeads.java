package cn.parkflow.department;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The head (负责人) of each department: one user, set by an admin. What DOMAIN.md §7 addresses to
 * "the department head" (a 督办单) goes to this user; a department without a head is reached through
 * its mailbox instead, so nothing is lost while an admin has not named one.
 */
@Component("departmentHeads")
@Transactional
public class DepartmentHeads {

    private final JdbcClient jdbc;
    private final DepartmentDirectory directory;

    DepartmentHeads(JdbcClient jdbc, DepartmentDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    @Transactional(readOnly = true)
    public Optional<String> headOf(String departmentCode) {
        return jdbc.sql("SELECT head_user FROM department_head WHERE department_code = ?").param(departmentCode)
                .query(String.class).optional();
    }

    /** The recipient for {@code sendMail}'s {@code mailTo}: the head's user id, else the department code (its mailbox). */
    @Transactional(readOnly = true)
    public String mailToHead(String departmentCode) {
        return headOf(departmentCode).orElse(departmentCode);
    }

    @Transactional(readOnly = true)
    public Map<String, String> all() {
        Map<String, String> heads = new TreeMap<>();
        jdbc.sql("SELECT department_code, head_user FROM department_head")
                .query(rs -> {
                    heads.put(rs.getString(1), rs.getString(2));
                });
        return heads;
    }

    /** Names {@code user} head of {@code departmentCode}, replacing the previous head. */
    public void setHead(String departmentCode, String user, String actor, Instant now) {
        if (!directory.exists(departmentCode)) {
            throw new IllegalArgumentException("未知的部门代码：" + departmentCode);
        }
        if (jdbc.sql("UPDATE department_head SET head_user = ?, set_by = ?, set_at = ? WHERE department_code = ?")
                .params(user, actor, Timestamp.from(now), departmentCode).update() == 0) {
            jdbc.sql("INSERT INTO department_head (department_code, head_user, set_by, set_at) VALUES (?, ?, ?, ?)")
                    .params(departmentCode, user, actor, Timestamp.from(now)).update();
        }
    }
}
