package cn.parkflow.casefile;

import java.time.Instant;

/** One line of a case's audit trail. */
public record CaseEvent(Instant occurredAt, String actor, String action, String task, String outcome) {
}
