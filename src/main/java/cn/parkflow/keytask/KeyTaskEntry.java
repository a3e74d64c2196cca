package cn.parkflow.keytask;

import java.time.LocalDate;
import java.util.List;

/**
 * One task of a year's list as drafted (DOMAIN.md §6): number, title, source clause, lead and
 * cooperating departments, target, linked indicator, quarterly milestones and deadline. A key item
 * also reports monthly. {@code carriedFrom} is the year an unfinished item came over from.
 */
record KeyTaskEntry(int number, String title, String sourceClause, String leadDepartment,
                    List<String> cooperatingDepartments, String target, String indicatorCode, boolean keyItem,
                    List<Milestone> milestones, LocalDate deadline, Integer carriedFrom) {
}
