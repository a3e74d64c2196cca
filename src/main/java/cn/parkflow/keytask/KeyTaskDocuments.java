package cn.parkflow.keytask;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The documents a tracked item's case carries (uploaded with {@code POST /api/cases/{number}/documents}):
 * the plan, the evidence of its reports, the answers to 督办单 and the year-end self-assessment.
 * None is required before a step completes [proposal]: the reports' evidence is described in the form
 * and the case lists what was filed.
 */
@Component
class KeyTaskDocuments implements DocumentKinds {

    @Override
    public Set<String> caseTypes() {
        return Set.of(KeyTaskProcess.CASE_TYPE, KeyTaskProcess.LIST_CASE_TYPE);
    }

    @Override
    public List<DocumentKind> kinds() {
        return List.of(new DocumentKind("IMPLEMENTATION_PLAN", "实施方案"),
                new DocumentKind("PROGRESS_EVIDENCE", "进展佐证材料"),
                new DocumentKind("NOTICE_ANSWER", "督办答复及整改报告"),
                new DocumentKind("HEAD_COMMITMENT", "部门负责人承诺书"),
                new DocumentKind("SELF_ASSESSMENT", "年终自评报告"),
                new DocumentKind("TASK_LIST", "年度重点工作清单"));
    }
}
