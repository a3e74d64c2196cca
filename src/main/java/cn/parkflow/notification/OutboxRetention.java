package cn.parkflow.notification;

import cn.parkflow.casefile.CaseDataRetention;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** A case's mail (addresses and bodies with the applicant's name) goes when its retention ends. */
@Component
class OutboxRetention implements CaseDataRetention {

    private final JdbcClient jdbc;

    OutboxRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return "outbox";
    }

    @Override
    public int removeCaseData(String caseNumber) {
        return jdbc.sql("DELETE FROM notification WHERE case_number = ?").param(caseNumber).update();
    }
}
