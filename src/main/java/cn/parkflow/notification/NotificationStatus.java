package cn.parkflow.notification;

/** Where a notification stands in the outbox. */
public enum NotificationStatus {
    /** Waiting for the relay, possibly after failed attempts (see the last error). */
    PENDING,
    SENT,
    /** Given up: rejected by the mail server, unresolvable, or out of attempts. An admin may retry it. */
    FAILED
}
