package cn.parkflow.incubator;

import java.util.List;
import java.util.Map;

/** Conditional rules of the annual-evaluation and change-report tasks (see {@link TaskRules}). */
final class AnnualAndChangeRules {

    private AnnualAndChangeRules() {
    }

    static void add(String taskKey, Map<String, Object> v, List<String> errors) {
        // filled in with the annual evaluation and change report models
    }
}
