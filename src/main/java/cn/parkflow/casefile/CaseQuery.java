package cn.parkflow.casefile;

import java.util.Set;

/**
 * Filters for the case list. {@code departments == null} means any department; an empty set
 * means none.
 */
public record CaseQuery(String type, String status, Set<String> departments, String applicantUser,
                        int page, int size) {
}
