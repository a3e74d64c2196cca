package cn.parkflow.incubator;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;

/**
 * A certificate in the register; {@code number} reads like 闵科孵认〔2026〕3号; {@code track} is the
 * certified {@link Track}; {@code area} the incubation area in m² (empty for certificates issued
 * before the register kept it), updated by change reports.
 */
record Certificate(String number, String caseNumber, String incubatorName, String operatorName, String creditCode,
                   String track, String address, Double area, String applicantUser, LocalDate validFrom, LocalDate validUntil,
                   String status, String revocationReason) {

    static final String VALID = "VALID";
    static final String REVOKED = "REVOKED";

    /** The number printed on the certificate: the {@code sequence}th certificate of {@code year}. */
    static String formatNumber(int year, int sequence) {
        return "闵科孵认〔%d〕%d号".formatted(year, sequence);
    }

    /** The certified track in Chinese, beside its code in the register and its REST API. */
    @JsonProperty("trackLabel")
    String trackLabel() {
        return Track.labelOf(track);
    }

    boolean isValidOn(LocalDate day) {
        return VALID.equals(status) && !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
