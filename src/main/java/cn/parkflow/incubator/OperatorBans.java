package cn.parkflow.incubator;

import java.time.LocalDate;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Operators revoked for fraud, who may not apply again until a date (第十六条: 2 years). */
@Repository
class OperatorBans {

    private final JdbcClient jdbc;

    OperatorBans(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void ban(String creditCode, LocalDate until, String reason, String certificateNumber) {
        jdbc.sql("INSERT INTO incubator_operator_ban (credit_code, banned_until, reason, certificate_number) "
                        + "VALUES (?, ?, ?, ?)")
                .params(creditCode, until, reason, certificateNumber).update();
    }

    /** The first day the operator may apply again, if it is still banned on {@code today}. */
    Optional<LocalDate> bannedUntil(String creditCode, LocalDate today) {
        return jdbc.sql("SELECT MAX(banned_until) FROM incubator_operator_ban WHERE credit_code = ? AND banned_until > ?")
                .params(creditCode, today).query(LocalDate.class).optional();
    }

    /** The sentence an applicant reads when the application is refused at submission. */
    static String refusal(LocalDate until) {
        return "该运营机构因弄虚作假被撤销认定，2年内不得再次申请；%d年%d月%d日起方可再次申请"
                .formatted(until.getYear(), until.getMonthValue(), until.getDayOfMonth());
    }
}
