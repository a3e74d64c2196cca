package cn.parkflow.incubator;

import java.util.Collection;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Turns decision results into plain text variables for output mappings (lists would need object
 * serialization, which is off): {@code ${incubatorFormat.join(decisionResult.collectEntries('x'))}}.
 */
@Component("incubatorFormat")
public class IncubatorFormat { // public: expressions (JUEL) call public methods of public classes only

    /** Failed criteria for people: "运营时间不足3年；…", or "无" when nothing failed. */
    public String join(Collection<?> items) {
        return items.isEmpty() ? "无" : items.stream().map(String::valueOf).collect(Collectors.joining("；"));
    }

    /** Candidate groups for a user task: "stc,zerobay". */
    public String groups(Collection<?> items) {
        return items.stream().map(String::valueOf).distinct().collect(Collectors.joining(","));
    }
}
