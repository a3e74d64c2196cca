package cn.parkflow.keytask;

import java.time.Instant;
import java.time.LocalDate;

/** A tracked item: its entry and where it stands. */
record KeyTaskItem(int year, KeyTaskEntry entry, String caseNumber, Colour colour, boolean everRed, int percentDone,
                   Instant lastReportAt, boolean lastReportLate, LocalDate nextDeadline, String grade,
                   Boolean awardEligible) {
}
