package cn.parkflow.casefile;

import java.util.Map;
import java.util.Set;

/**
 * The stage a case has reached while a step of its process is open, e.g. 形式审查 → FORMAL_CHECK.
 * A process declares its stages as a Spring bean; the kernel ({@link CaseStageTracker}) writes
 * them into the case status when the step's task is created, so supervisors see where each case
 * stands, with no listener in the model.
 */
public interface CaseStages {

    /** The process definition keys these stages belong to. */
    Set<String> processKeys();

    /** Stage by user-task id; a step without a stage leaves the status as it is. */
    Map<String, String> byStep();

    /**
     * The Chinese name of every stage this process sets, by step or by code (e.g. FORMAL_CHECK →
     * 形式审查中): 我的案件 and the supervision board show it ({@link StageNames}). A stage without
     * a name fails {@code CaseStagesTest}; only a process that sets no stage may leave this empty.
     */
    default Map<String, String> labels() {
        return Map.of();
    }
}
