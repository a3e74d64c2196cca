package cn.parkflow.incubator;

import java.time.LocalDate;

/** A certificate in the register; {@code number} reads like 闵科孵认〔2026〕3号. */
record Certificate(String number, String caseNumber, String incubatorName, String operatorName, String creditCode,
                   String track, String address, String applicantUser, LocalDate validFrom, LocalDate validUntil,
                   String status, String revocationReason) {

    static final String VALID = "VALID";
    static final String REVOKED = "REVOKED";

    /** The number printed on the certificate: the {@code sequence}th certificate of {@code year}. */
    static String formatNumber(int year, int sequence) {
        return "闵科孵认〔%d〕%d号".formatted(year, sequence);
    }

    boolean isValidOn(LocalDate day) {
        return VALID.equals(status) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
