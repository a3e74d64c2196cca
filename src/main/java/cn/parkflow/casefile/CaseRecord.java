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

    /**
     * The statutory deadline: original, working days paused, current. Empty until a clock starts.
     *
     * @param expiredAt when the clock ran out before the decision (the case is overdue); null otherwise
     */
    public record Deadline(Instant original, int pausedDays, Instant current, boolean provisional, Instant expiredAt) {

        public Deadline(Instant original, int pausedDays, Instant current, boolean provisional) {
            this(original, pausedDays, current, provisional, null);
        }

        public boolean isExpired() {
            return expiredAt != null;
        }
    }

    /** Whom mails, documents and task cards name as the applicant: the organisation, else the user (null once anonymised). */
    public String applicantName() {
        return applicantOrganisation != null ? applicantOrganisation : applicantUser;
    }

    public boolean isClosed() {
        return closedAt != null;
    }
}
