package cn.parkflow.casefile;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese name of a case status, for every page that shows one (我的案件, the supervision
 * board): the labels each process declares with its stages ({@link CaseStages#labels()}), and the
 * kernel's own statuses. An undeclared stage shows as its code; {@code CaseStagesTest} keeps
 * every declared stage labelled.
 */
@Component
public class StageNames {

    static final Map<String, String> KERNEL = Map.of(CaseFile.STATUS_OPEN, "已立案", CaseFile.STATUS_CLOSED, "已办结");

    private final List<CaseStages> stages;
    private final Map<String, String> anyProcess = new HashMap<>(KERNEL);

    public StageNames(List<CaseStages> stages) {
        this.stages = List.copyOf(stages);
        this.stages.forEach(declared -> declared.labels().forEach(anyProcess::putIfAbsent));
    }

    /** The stage's name as its process declared it (the same code may read differently in another process). */
    public String of(String processKey, String stage) {
        for (CaseStages declared : stages) {
            if (declared.processKeys().contains(processKey) && declared.labels().containsKey(stage)) {
                return declared.labels().get(stage);
            }
        }
        return of(stage);
    }

    /** The stage's name when its process is not known: the first process that declares the code. */
    public String of(String stage) {
        return anyProcess.getOrDefault(stage, stage);
    }
}
