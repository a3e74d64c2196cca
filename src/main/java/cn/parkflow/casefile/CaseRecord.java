package cn.parkflow.casefile;

import java.time.Instant;

/** A case as supervisors and applicants see it. Its number is the process business key. */
public record CaseRecord(
        String number,
        String type,
        String title,
        String applicantUser,
        String applicantOrganisation,
        String department,
        String status,
        Instant openedAt,
        Instant closedAt,
        String outcome,
        Deadline deadline) {

    /** The statutory deadline: original, working days paused, current. Empty until a clock starts. */
    public record Deadline(Instant original, int pausedDays, Instant current, boolean provisional) {
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
