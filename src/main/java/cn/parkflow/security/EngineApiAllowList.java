package cn.parkflow.security;

import cn.parkflow.department.DepartmentDirectory;
import cn.parkflow.department.Roles;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The engine REST operations each role may call, on {@code /engine-rest} and on the webapps'
 * {@code /camunda/api/engine} alike; everything else answers 403. Admins are not limited. The
 * lists are what Tasklist and Cockpit use (logged from the webapps' own traffic while the browser
 * tests ran, logger {@code cn.parkflow.security.EngineApiGuard} at DEBUG). The engine's
 * authorizations still decide which task, process or instance an allowed operation reaches.
 * In a pattern {@code *} is one path segment and {@code **} any rest.
 */
@Component
class EngineApiAllowList {

    /** Any logged-in user: the engine list the webapps ask for, and the own profile. */
    static final List<String> EVERYONE = List.of(
            "GET /engine",
            "GET /version",
            "GET /user/*/profile",
            // whether the caller holds a permission (Tasklist shows 新建任务 only to those who may create tasks)
            "GET /authorization/check");

    /** Officers, experts, applicants and supervisors in Tasklist: their own work, nothing more. */
    static final List<String> TASKLIST = List.of(
            "GET /filter", "GET /filter/count", "GET /filter/*", "OPTIONS /filter", "OPTIONS /filter/*",
            "GET /filter/*/list", "POST /filter/*/list", "GET /filter/*/count", "POST /filter/*/count",
            "GET /task", "POST /task", "GET /task/count", "POST /task/count",
            "GET /task/*", "GET /task/*/form", "GET /task/*/deployed-form", "GET /task/*/rendered-form",
            "GET /task/*/form-variables", "GET /task/*/variables", "GET /task/*/identity-links",
            "GET /task/*/comment", "GET /task/*/comment/*", "GET /task/*/attachment", "GET /task/*/attachment/*",
            "GET /task/*/attachment/*/data",
            "POST /task/*/claim", "POST /task/*/unclaim", "POST /task/*/assignee",
            "POST /task/*/submit-form", "POST /task/*/complete", "POST /task/*/comment/create",
            "GET /process-definition", "GET /process-definition/count", "GET /process-definition/*",
            "GET /process-definition/*/xml", "GET /process-definition/*/startForm",
            "GET /process-definition/*/deployed-start-form", "GET /process-definition/*/rendered-form",
            "GET /process-definition/*/form-variables",
            "POST /process-definition/*/start", "POST /process-definition/*/submit-form",
            "GET /process-definition/key/*", "GET /process-definition/key/*/xml",
            "GET /process-definition/key/*/startForm", "GET /process-definition/key/*/deployed-start-form",
            "GET /process-definition/key/*/form-variables",
            "POST /process-definition/key/*/start", "POST /process-definition/key/*/submit-form",
            "GET /case-definition", "GET /case-definition/count",
            "GET /process-instance/*/activity-instances",
            "GET /history/task", "GET /history/task/count",
            "GET /history/user-operation", "GET /history/user-operation/count",
            "GET /history/identity-link-log", "GET /history/identity-link-log/count",
            "GET /user", "GET /user/count", "GET /group", "GET /group/count");

    /** Supervisors in Cockpit: every read, and the queries Cockpit sends as POST; no write. */
    static final List<String> SUPERVISOR = List.of(
            "GET /**",
            "POST /process-instance", "POST /process-instance/count",
            "POST /variable-instance", "POST /variable-instance/count",
            "POST /job", "POST /job/count",
            "POST /external-task", "POST /external-task/count",
            "POST /history/process-instance", "POST /history/process-instance/count",
            "POST /history/activity-instance", "POST /history/activity-instance/count",
            "POST /history/variable-instance", "POST /history/variable-instance/count",
            "POST /history/task", "POST /history/task/count",
            "POST /group", "POST /group/count");

    private final DepartmentDirectory departments;

    EngineApiAllowList(DepartmentDirectory departments) {
        this.departments = departments;
    }

    boolean allows(CurrentUser caller, EngineOperation operation) {
        if (caller.isAdmin()) {
            return true;
        }
        return patternsFor(caller).stream().anyMatch(pattern -> matches(pattern, operation));
    }

    List<String> patternsFor(CurrentUser caller) {
        List<String> patterns = new ArrayList<>(EVERYONE);
        if (worksInTasklist(caller)) {
            patterns.addAll(TASKLIST);
        }
        if (caller.isSupervisor()) {
            patterns.addAll(SUPERVISOR);
        }
        return patterns;
    }

    private boolean worksInTasklist(CurrentUser caller) {
        return caller.isSupervisor() || caller.isApplicant() || caller.belongsTo(Roles.EXPERTS)
                || caller.groups().stream().anyMatch(departments::exists);
    }

    static boolean matches(String pattern, EngineOperation operation) {
        int space = pattern.indexOf(' ');
        if (!pattern.substring(0, space).equals(operation.method())) {
            return false;
        }
        String[] expected = pattern.substring(space + 2).split("/", -1);
        String[] actual = operation.path().substring(1).split("/", -1);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].equals("**")) {
                return true;
            }
            if (i >= actual.length || !(expected[i].equals("*") || expected[i].equals(actual[i]))) {
                return false;
            }
        }
        return expected.length == actual.length;
    }
}
