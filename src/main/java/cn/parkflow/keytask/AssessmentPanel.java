package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.*;

import cn.parkflow.calendar.EngineClock;
import cn.parkflow.department.Roles;
import cn.parkflow.form.SubmissionRefused;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The expert panel of the year-end assessment: {@code stc} appoints at least
 * {@code assessmentPanelMin} experts of the expert pool, each scores in a task of their own, and
 * the panel score is the mean of their scores, to one decimal [proposal].
 */
@Component("assessmentPanel")
public class AssessmentPanel { // public: the model calls experts(…) in an expression

    private final JdbcClient jdbc;
    private final KeyTaskProperties properties;

    AssessmentPanel(JdbcClient jdbc, KeyTaskProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** The appointed experts, in the order given: one scoring task each. */
    public List<String> experts(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split("[,，\\s]+")).map(String::trim).filter(id -> !id.isEmpty()).toList();
    }

    /** Complete listener of 组建专家评审组: enough distinct experts, each one of the pool; a new panel starts afresh. */
    void appoint(DelegateTask task) {
        List<String> named = experts((String) task.getVariable(PANEL_EXPERTS));
        Set<String> distinct = new LinkedHashSet<>(named);
        List<String> problems = new ArrayList<>();
        if (distinct.size() < named.size()) {
            problems.add("评审专家：同一专家不能重复指派");
        }
        if (distinct.size() < properties.assessmentPanelMin()) {
            problems.add("评审专家：专家组至少" + properties.assessmentPanelMin() + "名专家");
        }
        Set<String> pool = distinct.isEmpty() ? Set.of() : task.getProcessEngineServices().getIdentityService()
                .createUserQuery().memberOfGroup(Roles.EXPERTS).userIdIn(distinct.toArray(String[]::new)).list().stream()
                .map(User::getId).collect(Collectors.toSet());
        List<String> unknown = distinct.stream().filter(id -> !pool.contains(id)).toList();
        if (!unknown.isEmpty()) {
            problems.add("评审专家：" + String.join("、", unknown) + " 不在专家库中");
        }
        if (!problems.isEmpty()) {
            throw new SubmissionRefused(task.getName(), problems);
        }
        jdbc.sql("DELETE FROM key_task_expert_score WHERE list_year = ? AND task_number = ?")
                .params(KeyTaskSteps.number(task.getExecution(), YEAR), KeyTaskSteps.number(task.getExecution(), TASK_NUMBER))
                .update();
    }

    /** Complete listener of 专家评分: the expert's own score and opinion. */
    void score(DelegateTask task) {
        int year = KeyTaskSteps.number(task.getExecution(), YEAR);
        int number = KeyTaskSteps.number(task.getExecution(), TASK_NUMBER);
        String expert = (String) task.getVariable(EXPERT);
        jdbc.sql("DELETE FROM key_task_expert_score WHERE list_year = ? AND task_number = ? AND expert = ?")
                .params(year, number, expert).update();
        jdbc.sql("INSERT INTO key_task_expert_score (list_year, task_number, expert, score, opinion, scored_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(year, number, expert, new BigDecimal(task.getVariable(EXPERT_SCORE).toString()),
                        task.getVariable("expertOpinion"), Timestamp.from(EngineClock.now())).update();
    }

    /** 汇总专家评分: the panel score for {@code stc}'s assessment and the grade table, and each expert's score to show. */
    void summarise(DelegateExecution execution) {
        int year = KeyTaskSteps.number(execution, YEAR);
        int number = KeyTaskSteps.number(execution, TASK_NUMBER);
        List<Scored> scores = jdbc.sql("SELECT expert, score, opinion FROM key_task_expert_score "
                        + "WHERE list_year = ? AND task_number = ? ORDER BY expert")
                .params(year, number).query((rs, row) -> new Scored(rs.getString(1), rs.getBigDecimal(2), rs.getString(3)))
                .list();
        if (scores.isEmpty()) {
            throw new IllegalStateException("重点任务 " + year + "-" + number + " 没有专家评分");
        }
        execution.setVariable(ASSESSMENT_SCORE, panelScore(scores.stream().map(Scored::score).toList()).doubleValue());
        execution.setVariable("panelScores", scores.stream()
                .map(s -> s.expert() + "：" + s.score().stripTrailingZeros().toPlainString() + "分，" + s.opinion())
                .collect(Collectors.joining("\n")));
    }

    /** The mean of the experts' scores, half up to one decimal. */
    static BigDecimal panelScore(List<BigDecimal> scores) {
        return scores.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(scores.size()), 1, RoundingMode.HALF_UP);
    }

    private record Scored(String expert, BigDecimal score, String opinion) {
    }
}
