package cn.parkflow.department;

import java.util.Set;

/** Group ids of the roles that are not (only) departments. */
public final class Roles {

    /** Supervisors: the supervision office, also a department that approves lists. */
    public static final String SUPERVISION = "supervision";
    public static final String EXPERTS = "experts";
    public static final String APPLICANTS = "applicants";
    /** Administrators: Camunda's own admin group. */
    public static final String ADMINS = "camunda-admin";

    /** Role groups that are created at start beside the departments. */
    static final Set<String> PURE_ROLE_GROUPS = Set.of(EXPERTS, APPLICANTS);

    private Roles() {
    }
}
