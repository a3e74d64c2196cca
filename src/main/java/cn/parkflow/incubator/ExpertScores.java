package cn.parkflow.incubator;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Expert scores per case, kept for the record (who scored what) beyond the process instance. */
@Repository
class ExpertScores {

    private final JdbcClient jdbc;

    ExpertScores(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(String caseNumber, ExpertScore score) {
        jdbc.sql("INSERT INTO incubator_expert_score (case_number, expert, capability, effectiveness, sustainability, "
                        + "innovation, total, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(caseNumber, score.expert(), score.capability(), score.effectiveness(), score.sustainability(),
                        score.innovation(), score.total(), score.comment())
                .update();
    }

    List<ExpertScore> list(String caseNumber) {
        return jdbc.sql("SELECT expert, capability, effectiveness, sustainability, innovation, comment "
                        + "FROM incubator_expert_score WHERE case_number = ? ORDER BY id")
                .param(caseNumber)
                .query((rs, row) -> new ExpertScore(rs.getString("expert"), rs.getInt("capability"),
                        rs.getInt("effectiveness"), rs.getInt("sustainability"), rs.getInt("innovation"),
                        rs.getString("comment")))
                .list();
    }
}
