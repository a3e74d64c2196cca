package cn.parkflow.notification;

/** A failed send, classified so the relay knows whether and when to try again. */
class DeliveryException extends Exception {

    enum Kind {
        /** The server refused this mail for good (5xx, malformed address): retrying cannot help. */
        PERMANENT,
        /** This mail failed for now (4xx): retry it later. */
        TRANSIENT,
        /**
         * The server could not be reached, did not answer in time or refuses every mail alike: retry later
         * (never given up for this), and stop this pass.
         */
        UNREACHABLE
    }

    private final Kind kind;

    DeliveryException(Kind kind, String reason, Throwable cause) {
        super(reason, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }
}
