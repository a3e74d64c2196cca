/**
 * Process: the annual key-task list (年度重点工作清单化管理、考核评估, DOMAIN.md §6, issue #14): the
 * list, its tracked items with reports, status colours and supervision notices, the year-end
 * assessment, and the year's indicators. Uses the kernel only; the incubator register's figures
 * arrive through the kernel's {@code figure} port.
 */
@ApplicationModule(displayName = "Key tasks",
        allowedDependencies = {"calendar", "casefile", "department", "figure", "form", "security"})
package cn.parkflow.keytask;

import org.springframework.modulith.ApplicationModule;
