package cn.parkflow.ipcase;

import java.time.LocalDate;

/** One closed IP case as the monthly statistics count it. */
record IpCaseOutcome(String caseNumber, String ipType, String channel, String outcomeCode, String outcomeCategory,
                     LocalDate receivedOn, LocalDate closedOn, int elapsedWorkingDays, boolean onTime,
                     String satisfaction) {
}
