package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.casefile.DocumentKind;
import cn.parkflow.casefile.DocumentKinds;
import cn.parkflow.casefile.RequiredDocuments;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The documents a tracked item's case carries (uploaded with {@code POST /api/cases/{number}/documents}):
 * the plan, the evidence of its reports, the answers to 督办单 and the year-end self-assessment. The
 * quarterly reports (the fourth quarter's too) and the self-assessment cannot be submitted without their evidence (the model marks
 * those steps with the input {@code evidence = REQUIRED}); a 督办单 cannot be answered without the
 * written answer and, on 红, the head's commitment letter.
 */
@Component
class KeyTaskDocuments implements DocumentKinds {

    static final String PROGRESS_EVIDENCE = "PROGRESS_EVIDENCE";
    static final String SELF_ASSESSMENT = "SELF_ASSESSMENT";
    static final String NOTICE_ANSWER = "NOTICE_ANSWER";
    static final String HEAD_COMMITMENT = "HEAD_COMMITMENT";
    /** The step's input that says its evidence is required, and its value. */
    static final String EVIDENCE = "evidence";
    static final String REQUIRED = "REQUIRED";

    @Override
    public Set<String> caseTypes() {
        return Set.of(CASE_TYPE, LIST_CASE_TYPE);
    }

    @Override
    public List<DocumentKind> kinds() {
        return List.of(new DocumentKind("IMPLEMENTATION_PLAN", "实施方案"),
                new DocumentKind(PROGRESS_EVIDENCE, "进展佐证材料"),
                new DocumentKind(NOTICE_ANSWER, "督办答复及整改报告"),
                new DocumentKind(HEAD_COMMITMENT, "部门负责人承诺书"),
                new DocumentKind(SELF_ASSESSMENT, "年终自评报告"),
                new DocumentKind("TASK_LIST", "年度重点工作清单"));
    }

    @Override
    public List<RequiredDocuments> requiredAtSteps() {
        return List.of(new RequiredDocuments(KEY, TASK_QUARTERLY_REPORT, EVIDENCE, REQUIRED, List.of(PROGRESS_EVIDENCE)),
                new RequiredDocuments(KEY, TASK_FOURTH_QUARTER_REPORT, EVIDENCE, REQUIRED, List.of(PROGRESS_EVIDENCE)),
                new RequiredDocuments(KEY, TASK_SELF_ASSESS, EVIDENCE, REQUIRED, List.of(SELF_ASSESSMENT)),
                new RequiredDocuments(SUPERVISION_KEY, TASK_ANSWER_NOTICE, NOTICE_LEVEL, Colour.YELLOW.name(),
                        List.of(NOTICE_ANSWER)),
                new RequiredDocuments(SUPERVISION_KEY, TASK_ANSWER_NOTICE, NOTICE_LEVEL, Colour.RED.name(),
                        List.of(NOTICE_ANSWER, HEAD_COMMITMENT)));
    }
}
