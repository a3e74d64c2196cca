package cn.parkflow.incubator;

import static cn.parkflow.incubator.IncubatorCertificationProcess.*;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.form.StepAudit;
import cn.parkflow.form.SubmissionRefused;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * The expert panel of one case, in the expert review (incubator-expert-review) that the certification
 * calls with the case number as business key; the panel's variables live in that instance. An expert who declared a conflict of interest, or already holds a
 * seat, may not take another seat; a declared conflict sends the seat back to the expert pool. A
 * seat nobody has taken by its due date goes to {@code stc}, who names an expert of the pool
 * ({@link #assign}); the seat's declaration then waits for that expert.
 * Task-listener expressions ({@code ${expertPanel.admit(task)}} and so on) and the service step {@code ${summariseExpertReview}}.
 */
@Component("expertPanel")
public class ExpertPanel { // public: expressions (JUEL) call public methods of public classes only

    private static final String CLAIM = "领取";
    private static final String SUBMIT = "提交";

    private final ExpertScores scores;
    private final CaseFile caseFile;

    ExpertPanel(ExpertScores scores, CaseFile caseFile) {
        this.scores = scores;
        this.caseFile = caseFile;
    }

    /** On assignment (claim) of a declaration or scoring task. */
    public void admit(DelegateTask task) {
        String expert = task.getAssignee();
        if (expert == null) {
            return;
        }
        if (TASK_DECLARE_CONFLICT.equals(task.getTaskDefinitionKey())) {
            refuseSeat(task, CLAIM, expert);
        } else if (members(task.getVariable(CONFLICTED_EXPERTS)).contains(expert)) {
            throw new SubmissionRefused(task.getName(), CLAIM, List.of("专家 " + expert + " 已声明与本案存在利益冲突，不能承担本案评审"));
        }
        if (TASK_SCORE.equals(task.getTaskDefinitionKey()) && !expert.equals(task.getVariable(EXPERT))) {
            throw new SubmissionRefused(task.getName(), CLAIM,
                    List.of("评分任务只能由声明无利益冲突的专家 " + task.getVariable(EXPERT) + " 办理"));
        }
    }

    /** On completion of the declaration: a conflict frees the seat, otherwise the expert takes it. */
    public void declare(DelegateTask task) {
        String expert = task.getAssignee();
        if (expert == null) {
            throw new SubmissionRefused(task.getName(), List.of("请先领取任务，再声明利益冲突"));
        }
        String caseNumber = task.getExecution().getProcessBusinessKey();
        if ("CONFLICT".equals(task.getVariable("conflictDeclaration"))) {
            task.setVariable(CONFLICTED_EXPERTS, add(task.getVariable(CONFLICTED_EXPERTS), expert));
            task.setVariable(ASSIGNED_EXPERT, null); // the seat goes back to the pool, not to the same expert
            caseFile.record(caseNumber, expert, "EXPERT_CONFLICT_DECLARED", task.getName(),
                    "声明存在利益冲突，评审席位改派其他专家：" + task.getVariable("conflictNote"));
            return;
        }
        if (members(task.getVariable(PANEL_EXPERTS)).contains(expert)) {
            throw new SubmissionRefused(task.getName(), List.of("专家 " + expert + " 已在本案评审组中，不能重复占用评审席位"));
        }
        task.setVariable(PANEL_EXPERTS, add(task.getVariable(PANEL_EXPERTS), expert));
        task.setVariable(EXPERT, expert);
    }

    /** On creation of the assignment task: the experts of the pool who may still take the seat. */
    public void offerCandidates(DelegateTask task) {
        List<String> free = identity(task).createUserQuery().memberOfGroup(EXPERTS_GROUP).orderByUserId().asc().list()
                .stream().map(User::getId).filter(id -> seatRefusal(task, id) == null).toList();
        task.setVariableLocal(ELIGIBLE_EXPERTS, free.isEmpty() ? "专家库中已无可指派的专家，请先在专家库中增加专家" : String.join("，", free));
    }

    /** On completion of the assignment task: the named expert must be of the pool and free to sit. */
    public void assign(DelegateTask task) {
        Object named = task.getVariable(ASSIGNED_EXPERT);
        String expert = named == null ? "" : named.toString().trim();
        if (expert.isEmpty()) {
            throw new SubmissionRefused(task.getName(), List.of("指派专家：必填"));
        }
        if (identity(task).createUserQuery().userId(expert).memberOfGroup(EXPERTS_GROUP).count() == 0) {
            throw new SubmissionRefused(task.getName(), List.of("指派专家：" + expert + " 不是评审专家库（experts）中的用户"));
        }
        refuseSeat(task, SUBMIT, expert);
        task.setVariable(ASSIGNED_EXPERT, expert);
        caseFile.record(task.getExecution().getProcessBusinessKey(), StepAudit.actor(task), "EXPERT_ASSIGNED",
                task.getName(), "评审席位逾期无人承担，指派专家 " + expert);
    }

    private static void refuseSeat(DelegateTask task, String action, String expert) {
        String refusal = seatRefusal(task, expert);
        if (refusal != null) {
            throw new SubmissionRefused(task.getName(), action, List.of(refusal));
        }
    }

    /** Why {@code expert} may not take a seat of this case, or null. */
    private static String seatRefusal(DelegateTask task, String expert) {
        if (members(task.getVariable(CONFLICTED_EXPERTS)).contains(expert)) {
            return "专家 " + expert + " 已声明与本案存在利益冲突，不能承担本案评审";
        }
        if (members(task.getVariable(PANEL_EXPERTS)).contains(expert)) {
            return "专家 " + expert + " 已在本案评审组中，不能重复领取评审席位";
        }
        return null;
    }

    private static IdentityService identity(DelegateTask task) {
        return task.getProcessEngineServices().getIdentityService();
    }

    /** On completion of the scoring task: the scores go on the record. */
    public void score(DelegateTask task) {
        scores.save(task.getExecution().getProcessBusinessKey(), new ExpertScore((String) task.getVariable(EXPERT),
                number(task, "scoreCapability"), number(task, "scoreEffectiveness"),
                number(task, "scoreSustainability"), number(task, "scoreInnovation"),
                (String) task.getVariable("expertComment")));
    }

    /** Service task after the panel: mean and minimum of the experts' weighted totals. */
    void summarise(DelegateExecution execution) {
        List<ExpertScore> panel = scores.list(execution.getProcessBusinessKey());
        if (panel.isEmpty()) {
            throw new IllegalStateException("No expert scores recorded for " + execution.getProcessBusinessKey());
        }
        execution.setVariable("expertMeanScore", ExpertScore.mean(panel));
        execution.setVariable("expertMinScore", ExpertScore.min(panel));
        execution.setVariable("expertScoreSummary", panel.stream()
                .map(s -> s.expert() + "：" + s.total() + "分（能力" + s.capability() + "/成效" + s.effectiveness()
                        + "/可持续" + s.sustainability() + "/创新" + s.innovation() + "）")
                .collect(Collectors.joining("；")));
    }

    private static int number(DelegateTask task, String name) {
        return ((Number) task.getVariable(name)).intValue();
    }

    static List<String> members(Object commaSeparated) {
        String text = commaSeparated == null ? "" : commaSeparated.toString();
        return text.isBlank() ? List.of() : Arrays.asList(text.split(","));
    }

    private static String add(Object commaSeparated, String expert) {
        String text = commaSeparated == null ? "" : commaSeparated.toString();
        return text.isBlank() ? expert : text + "," + expert;
    }
}
