package cn.parkflow.keytask;

import static cn.parkflow.keytask.KeyTaskProcess.LIST_YEAR;

import cn.parkflow.calendar.EngineClock;
import java.sql.Timestamp;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The block operators' own year-end self-assessment (mid-December, {@code annual-task-list.bpmn}): each
 * scores itself on the six dimensions of seed task 2 and says what it did; {@code stc} sees it when it
 * assesses the operator.
 */
@Component
class BlockSelfAssessments {

    static final String[] DIMENSIONS = {"Technology", "Finance", "Talent", "Policy", "Ip", "Management"};
    static final String[] LABELS = {"技术服务", "金融服务", "人才对接", "政策申报", "知识产权", "企业管理"};

    private final JdbcClient jdbc;

    BlockSelfAssessments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Complete listener of 区块运营机构自评. */
    void record(DelegateTask task) {
        int year = ((Number) task.getVariable(LIST_YEAR)).intValue();
        String operator = (String) task.getVariable("blockOperator");
        Object[] row = new Object[11];
        row[0] = year;
        row[1] = operator;
        for (int i = 0; i < DIMENSIONS.length; i++) {
            row[2 + i] = ((Number) task.getVariable("self" + DIMENSIONS[i])).intValue();
        }
        row[8] = task.getVariable("blockSelfSummary");
        row[9] = KeyTaskSteps.actor(task.getExecution());
        row[10] = Timestamp.from(EngineClock.now());
        jdbc.sql("DELETE FROM block_operator_self_assessment WHERE list_year = ? AND operator_code = ?")
                .params(year, operator).update();
        jdbc.sql("INSERT INTO block_operator_self_assessment (list_year, operator_code, technology, finance, talent, "
                + "policy, ip, management, summary, submitted_by, submitted_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(row).update();
    }

    /** Create listener of stc's 评估区块运营机构: the operator's self-assessment, read-only, or that none was given. */
    void present(DelegateTask task) {
        int year = ((Number) task.getVariable(LIST_YEAR)).intValue();
        String operator = (String) task.getVariable("blockOperator");
        List<String> found = jdbc.sql("SELECT technology, finance, talent, policy, ip, management, summary "
                        + "FROM block_operator_self_assessment WHERE list_year = ? AND operator_code = ?")
                .params(year, operator).query((rs, n) -> {
                    StringBuilder text = new StringBuilder();
                    for (int i = 0; i < LABELS.length; i++) {
                        text.append(LABELS[i]).append(rs.getInt(i + 1)).append(i < LABELS.length - 1 ? "，" : "；");
                    }
                    return text.append(rs.getString(7)).toString();
                }).list();
        task.setVariableLocal("blockSelfAssessment", found.isEmpty() ? "（未报送年终自评）" : found.get(0));
    }
}
