package cn.parkflow.incubator;

import cn.parkflow.casefile.CaseFile;
import cn.parkflow.casefile.NumberSeries;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The register of certified incubators: issue, look up, revoke (with the fraud ban), annual grades. */
@Service
@Transactional
class CertificateRegister {

    private static final String COLUMNS = "certificate_number, case_number, incubator_name, operator_name, credit_code, "
            + "track, address, area, applicant_user, valid_from, valid_until, status, revocation_reason";

    /** The kernel's number series for certificates, one count per year (see V31__number_series.sql). */
    static final String NUMBER_SERIES = "incubator-certificate";

    private final JdbcClient jdbc;
    private final NumberSeries numbers;
    private final OperatorBans bans;
    private final CaseFile caseFile;
    private final IncubatorProperties properties;

    CertificateRegister(JdbcClient jdbc, NumberSeries numbers, OperatorBans bans, CaseFile caseFile,
                        IncubatorProperties properties) {
        this.jdbc = jdbc;
        this.numbers = numbers;
        this.bans = bans;
        this.caseFile = caseFile;
        this.properties = properties;
    }

    /** Issues the next number of the year; valid from today for the configured years (last day included). */
    Certificate issue(Certificate draft, LocalDate today) {
        String number = Certificate.formatNumber(today.getYear(), numbers.next(NUMBER_SERIES, today.getYear()));
        Certificate certificate = new Certificate(number, draft.caseNumber(), draft.incubatorName(),
                draft.operatorName(), draft.creditCode(), draft.track(), draft.address(), draft.area(), draft.applicantUser(), today,
                today.plusYears(properties.certificateValidityYears()).minusDays(1), Certificate.VALID, null);
        jdbc.sql("INSERT INTO incubator_certificate (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(certificate.number(), certificate.caseNumber(), certificate.incubatorName(),
                        certificate.operatorName(), certificate.creditCode(), certificate.track(), certificate.address(), certificate.area(),
                        certificate.applicantUser(), certificate.validFrom(), certificate.validUntil(),
                        certificate.status(), null)
                .update();
        caseFile.record(certificate.caseNumber(), CaseFile.SYSTEM, "CERTIFICATE_ISSUED", "颁发认定证书",
                certificate.number() + "，有效期 " + certificate.validFrom() + " 至 " + certificate.validUntil());
        return certificate;
    }

    @Transactional(readOnly = true)
    Optional<Certificate> find(String number) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incubator_certificate WHERE certificate_number = ?")
                .param(number).query(CertificateRegister::toCertificate).optional();
    }

    /** The current register: certificates not revoked and within their validity on {@code day}. */
    @Transactional(readOnly = true)
    List<Certificate> validOn(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incubator_certificate WHERE status = ? AND valid_from <= ? "
                        + "AND valid_until >= ? ORDER BY valid_from, certificate_number")
                .params(Certificate.VALID, day, day).query(CertificateRegister::toCertificate).list();
    }

    @Transactional(readOnly = true)
    List<Certificate> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM incubator_certificate ORDER BY valid_from, certificate_number")
                .query(CertificateRegister::toCertificate).list();
    }

    /** Revokes; for fraud the operator is also banned from applying for the configured years. */
    void revoke(String number, String reason, boolean fraud, String caseNumber, LocalDate today) {
        Certificate certificate = find(number).orElseThrow(() -> new IllegalArgumentException("证书不存在：" + number));
        jdbc.sql("UPDATE incubator_certificate SET status = ?, revocation_reason = ?, revoked_on = ? WHERE certificate_number = ?")
                .params(Certificate.REVOKED, reason, today, number).update();
        String detail = "撤销认定证书 " + number + "：" + reason;
        if (fraud) {
            LocalDate until = today.plusYears(properties.fraudBanYears());
            bans.ban(certificate.creditCode(), until, reason, number);
            detail += "；弄虚作假，" + until + " 前不得再次申请";
        }
        caseFile.record(caseNumber, CaseFile.SYSTEM, "CERTIFICATE_REVOKED", "撤销认定", detail);
    }

    /** Applies a reported change of name, operator, site or area (m²) to the register; {@code null} keeps a value. */
    void applyChange(String number, String incubatorName, String operatorName, String address, Double area,
                     String caseNumber) {
        jdbc.sql("UPDATE incubator_certificate SET incubator_name = COALESCE(?, incubator_name), "
                        + "operator_name = COALESCE(?, operator_name), address = COALESCE(?, address), "
                        + "area = COALESCE(?, area) WHERE certificate_number = ?")
                .params(incubatorName, operatorName, address, area, number).update();
        StringBuilder detail = new StringBuilder(number);
        appendChange(detail, "孵化器名称", incubatorName);
        appendChange(detail, "运营机构", operatorName);
        appendChange(detail, "场地地址", address);
        appendChange(detail, "孵化场地面积", area == null ? null
                : java.math.BigDecimal.valueOf(area).stripTrailingZeros().toPlainString() + " 平方米");
        caseFile.record(caseNumber, CaseFile.SYSTEM, "CERTIFICATE_UPDATED", "更新认定信息",
                detail.toString());
    }

    private static void appendChange(StringBuilder detail, String what, String value) {
        if (value != null) {
            detail.append("；").append(what).append("变更为 ").append(value);
        }
    }

    void recordGrade(String number, int year, String grade) {
        jdbc.sql("INSERT INTO incubator_annual_grade (certificate_number, evaluation_year, grade) VALUES (?, ?, ?)")
                .params(number, year, grade).update();
    }

    @Transactional(readOnly = true)
    Optional<String> grade(String number, int year) {
        return jdbc.sql("SELECT grade FROM incubator_annual_grade WHERE certificate_number = ? AND evaluation_year = ?")
                .params(number, year).query(String.class).optional();
    }

    private static Double area(ResultSet rs) throws SQLException {
        java.math.BigDecimal area = rs.getBigDecimal("area");
        return area == null ? null : area.doubleValue();
    }

    private static Certificate toCertificate(ResultSet rs, int row) throws SQLException {
        return new Certificate(rs.getString("certificate_number"), rs.getString("case_number"),
                rs.getString("incubator_name"), rs.getString("operator_name"), rs.getString("credit_code"),
                rs.getString("track"), rs.getString("address"), area(rs), rs.getString("applicant_user"),
                rs.getObject("valid_from", LocalDate.class), rs.getObject("valid_until", LocalDate.class),
                rs.getString("status"), rs.getString("revocation_reason"));
    }
}
