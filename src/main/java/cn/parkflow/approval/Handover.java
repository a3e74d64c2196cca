package cn.parkflow.approval;

import cn.parkflow.security.CurrentUser;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * What 转办, 委派 and 加签 share: the task the caller holds (checked), the people it goes to (real
 * users, not the caller), and the departments it belongs to.
 */
@Component
class Handover {

    private final Tasks tasks;
    private final Colleagues colleagues;

    Handover(Tasks tasks, Colleagues colleagues) {
        this.tasks = tasks;
        this.colleagues = colleagues;
    }

    /** The open task, once the caller is shown to work it. */
    OpenTask heldBy(CurrentUser user, String taskId, String action) {
        OpenTask task = tasks.open(taskId);
        Actors.requireHandler(user, task, action);
        return task;
    }

    /** Refuses nobody or the caller themselves (with {@code choose}, e.g. 请选择转办给哪位同事) and unknown users. */
    void requirePeople(CurrentUser user, Collection<String> people, String action, String choose) {
        if (people == null || people.isEmpty() || people.contains(user.id())) {
            throw ActionRefused.notApplicable(choose + "（不能" + action + "给自己）。");
        }
        for (String person : people) {
            if (!colleagues.exists(person)) {
                throw ActionRefused.notApplicable("用户 " + person + " 不存在，不能" + action + "。");
            }
        }
    }

    /** The task's departments, or the caller's when it is routed to none. */
    Set<String> departmentsOf(CurrentUser user, OpenTask task) {
        Set<String> departments = colleagues.departmentsAmong(task.candidateGroups());
        return departments.isEmpty() ? colleagues.departmentsAmong(user.groups()) : departments;
    }

    /** Whether the person belongs to one of the departments (or, given, to the extra group). */
    boolean belongs(String person, Set<String> departments, String... alsoGroups) {
        Set<String> theirs = colleagues.groupsOf(person);
        return departments.stream().anyMatch(theirs::contains) || Set.of(alsoGroups).stream().anyMatch(theirs::contains);
    }

    String departmentNames(Set<String> departments) {
        return String.join("、", departments.stream().map(colleagues::departmentName).sorted().toList());
    }
}
